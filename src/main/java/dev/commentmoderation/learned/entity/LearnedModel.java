package dev.commentmoderation.learned.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One trained version of the learned layer: what it learned from, how it did on the decisions held
 * out, the threshold it holds at, and the serialised model. At most one is active.
 */
@Entity
@Table(name = "learned_model")
public class LearnedModel {

  @Id private int version;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false, length = 80)
  private String createdBy;

  @Column(name = "approved_examples", nullable = false)
  private int approvedExamples;

  @Column(name = "rejected_examples", nullable = false)
  private int rejectedExamples;

  @Column(name = "test_examples", nullable = false)
  private int testExamples;

  @Column(name = "test_rejected", nullable = false)
  private int testRejected;

  @Column(name = "test_held", nullable = false)
  private int testHeld;

  @Column(name = "test_held_rejected", nullable = false)
  private int testHeldRejected;

  @Column(name = "test_precision")
  private Double testPrecision;

  @Column(name = "test_recall")
  private Double testRecall;

  @Column(nullable = false)
  private int features;

  @Column(nullable = false)
  private double threshold;

  @Column(nullable = false)
  private boolean active;

  @Basic(fetch = FetchType.LAZY)
  @Column(name = "model", nullable = false)
  private byte[] model;

  protected LearnedModel() {}

  public LearnedModel(
      int version,
      OffsetDateTime createdAt,
      String createdBy,
      int approvedExamples,
      int rejectedExamples,
      int testExamples,
      int testRejected,
      int testHeld,
      int testHeldRejected,
      Double testPrecision,
      Double testRecall,
      int features,
      double threshold,
      byte[] model) {
    this.version = version;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
    this.approvedExamples = approvedExamples;
    this.rejectedExamples = rejectedExamples;
    this.testExamples = testExamples;
    this.testRejected = testRejected;
    this.testHeld = testHeld;
    this.testHeldRejected = testHeldRejected;
    this.testPrecision = testPrecision;
    this.testRecall = testRecall;
    this.features = features;
    this.threshold = threshold;
    this.model = model.clone();
  }

  public int version() {
    return version;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public int approvedExamples() {
    return approvedExamples;
  }

  public int rejectedExamples() {
    return rejectedExamples;
  }

  public int testExamples() {
    return testExamples;
  }

  public int testRejected() {
    return testRejected;
  }

  public int testHeld() {
    return testHeld;
  }

  public int testHeldRejected() {
    return testHeldRejected;
  }

  public Double testPrecision() {
    return testPrecision;
  }

  public Double testRecall() {
    return testRecall;
  }

  public int features() {
    return features;
  }

  public double threshold() {
    return threshold;
  }

  public boolean active() {
    return active;
  }

  public byte[] model() {
    return model.clone();
  }

  public void activate(boolean active) {
    this.active = active;
  }
}
