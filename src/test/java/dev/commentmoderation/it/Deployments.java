package dev.commentmoderation.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real WAR the build made, deployed at the root context as in production. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive service() {
    File war = new File(System.getProperty("it.war", "target/comment-moderation.war"));
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
  }
}
