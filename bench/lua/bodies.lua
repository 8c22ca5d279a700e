-- Realistic, unique comment bodies: Russian news-comment sentences, 50-1,500 characters
-- (log-uniform), about 85 % clean, 10 % with an insult (the engine holds them), 5 % with an
-- obscenity (refused). Every body is different, so the duplicate rule never holds one.

local subjects = { "Мэрия", "Правительство", "Депутаты", "Автор статьи", "Наш район", "Минтранс",
  "Жители микрорайона", "Городской совет", "Министерство образования", "Соседи по дому",
  "Водители маршруток", "Эксперты", "Пенсионеры", "Студенты", "Предприниматели" }
local verbs = { "опять обещают", "наконец начали", "третий год обсуждают", "так и не закончили",
  "решили отложить", "снова перенесли", "честно признали", "предлагают пересмотреть",
  "активно критикуют", "поддержали" }
local objects = { "ремонт дороги на Чуй", "строительство новой школы", "повышение тарифов на воду",
  "реформу здравоохранения", "пересадочный узел у вокзала", "программу льготной ипотеки",
  "уборку снега во дворах", "закупку новых автобусов", "расширение парка", "курс сома к рублю",
  "новые правила парковки", "отопительный сезон" }
local tails = { "и это хорошо.", "но верится с трудом.", "посмотрим, что будет весной.",
  "хотя деньги выделили ещё в прошлом году.", "а люди ждут уже давно.",
  "спасибо журналистам, что следят за этим.", "интересно, кто за это заплатит.",
  "в соседних городах сделали быстрее.", "надеюсь, в этот раз доведут до конца.",
  "цифры в статье не сходятся с официальными." }
local extra = { "Я живу здесь двадцать лет и помню, как всё начиналось.",
  "По-моему, главное — прозрачность расходов.", "Хорошо бы опубликовать смету полностью.",
  "Моя соседка говорит то же самое.", "В комментариях уже писали об этом, но повторю.",
  "Статья хорошая, но не хватает мнения самих жителей.", "Пусть сначала отчитаются за прошлый год.",
  "Кстати, автобус номер сорок два теперь ходит реже.", "Зимой здесь вообще не пройти.",
  "Дети ходят в школу через пустырь, это опасно." }
local insults = { "Автор — идиот, ничего не понимает.", "Только дебил мог такое придумать.",
  "Эти депутаты просто бараны.", "Какой же он тупой, честное слово." }
local obscene = { "Какая же хуйня эти ваши реформы.", "Опять всё через жопу, блядь.",
  "Заебали уже со своими обещаниями." }

local function pick(t) return t[math.random(#t)] end

function comment_body(n)
  local target = math.floor(math.exp(math.log(50) + math.random() * (math.log(1500) - math.log(50))))
  local parts = { string.format("%s %s %s, %s", pick(subjects), pick(verbs), pick(objects), pick(tails)) }
  local r = math.random(100)
  if r <= 5 then table.insert(parts, pick(obscene)) elseif r <= 15 then table.insert(parts, pick(insults)) end
  -- two short numbers (never a phone-number-like run of digits) make the body unique
  table.insert(parts, string.format("Прочитал %d статей за %d дней.", n % 997 + 3, math.floor(n / 997) % 9973 + 2))
  local len = 0
  for _, p in ipairs(parts) do len = len + utf8len(p) + 1 end
  while len < target do
    local s = math.random(3) == 1 and pick(extra)
      or string.format("%s %s %s, %s", pick(subjects), pick(verbs), pick(objects), pick(tails))
    table.insert(parts, math.random(#parts + 1), s)
    len = len + utf8len(s) + 1
  end
  local body = table.concat(parts, " ")
  return body
end

function utf8len(s)
  local _, count = s:gsub("[^\128-\191]", "")
  return count
end

function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end
