using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Documents.Signatures;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Documents;

/// <summary>The optional review before approval ("xem xét"), as the entity enforces it.</summary>
public sealed class ReviewStepTests
{
    private static readonly DocumentActor Secretary = new("u-secretary", "Nguyễn Thị Thư", "Thư ký ISO");
    private static readonly DocumentActor ViceChair = new("u-vice", "Lê Thị Phó", "Phó Chủ tịch UBND xã");
    private static readonly DocumentActor Chair = new("u-chair", "Trần Văn Chính", "Chủ tịch UBND xã");
    private static readonly DateTimeOffset At = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private static (ControlledDocument Document, DocumentRevision Revision) Draft()
    {
        var document = ControlledDocument.Create("QT-02", "Quy trình kiểm soát hồ sơ", DocumentKind.SystemProcedure, "Thư ký ISO", 12, null, null, true,
            "## 1. Mục đích\n\nNội dung.", Secretary, At);
        return (document, document.Revisions[0]);
    }

    private static SigningEvidence Signed(DocumentRevision revision, CommuneRole role = CommuneRole.Approver) =>
        new(role, ReauthenticationMethod.Password, SignedContent.Of(revision.Title, revision.Body, []));

    [Fact]
    public void When_the_commune_requires_a_review_submitting_without_a_reviewer_is_refused()
    {
        var (document, revision) = Draft();

        var e = Assert.Throws<DomainException>(() => document.Submit(revision, Secretary, At, reviewer: null, reviewRequired: true));

        Assert.Equal("Reviewer", e.Field);
        Assert.Contains("vui lòng chọn người xem xét", e.Message, StringComparison.Ordinal);
        Assert.Equal(RevisionStatus.Draft, revision.Status);
    }

    [Fact]
    public void Without_the_requirement_a_draft_goes_straight_to_the_approver()
    {
        var (document, revision) = Draft();

        document.Submit(revision, Secretary, At);
        document.Approve(revision, Chair, actorIsApprover: true, At, Signed(revision));

        Assert.Equal(RevisionStatus.Approved, revision.Status);
        Assert.Null(revision.ReviewerId);
        Assert.Null(revision.ReviewedAt);
    }

    [Fact]
    public void A_contributor_or_the_submitter_cannot_be_named_reviewer()
    {
        var (document, revision) = Draft();
        document.EditDraft(revision, document.Title, document.Owner, 12, null, null, true, "Nội dung sửa.", null, ViceChair, At);

        var author = Assert.Throws<DomainException>(() => document.Submit(revision, Chair, At, Secretary, reviewRequired: true));
        var editor = Assert.Throws<DomainException>(() => document.Submit(revision, Secretary, At, ViceChair, reviewRequired: true));
        var self = Assert.Throws<DomainException>(() => document.Submit(revision, Chair, At, Chair, reviewRequired: true));

        Assert.Contains("Nguyễn Thị Thư đã soạn thảo, sửa nội dung hoặc đính kèm tệp", author.Message, StringComparison.Ordinal);
        Assert.Contains("Lê Thị Phó đã soạn thảo", editor.Message, StringComparison.Ordinal);
        Assert.Contains("Không chọn chính mình", self.Message, StringComparison.Ordinal);
        Assert.All(new[] { author, editor, self }, e => Assert.Equal("Reviewer", e.Field));
        Assert.Equal(RevisionStatus.Draft, revision.Status);
    }

    [Fact]
    public void Approval_waits_for_the_review_and_then_the_reviewer_may_not_approve()
    {
        var (document, revision) = Draft();
        document.Submit(revision, Secretary, At, ViceChair, reviewRequired: true);

        var early = Assert.Throws<DomainException>(() => document.Approve(revision, Chair, actorIsApprover: true, At, Signed(revision)));
        Assert.Contains("đang chờ Lê Thị Phó xem xét", early.Message, StringComparison.Ordinal);
        Assert.True(revision.AwaitsReview);

        document.Review(revision, ViceChair, "Đúng quy định, đề nghị phê duyệt.", At.AddHours(1), Signed(revision, CommuneRole.Staff));
        var reviewerApproves = Assert.Throws<DomainException>(() => document.Approve(revision, ViceChair, actorIsApprover: true, At, Signed(revision)));
        Assert.Contains("không được đồng thời phê duyệt", reviewerApproves.Message, StringComparison.Ordinal);

        document.Approve(revision, Chair, actorIsApprover: true, At.AddHours(2), Signed(revision));
        Assert.Equal(RevisionStatus.Approved, revision.Status);
        Assert.Equal((ViceChair.Name, ViceChair.JobTitle, At.AddHours(1), "Đúng quy định, đề nghị phê duyệt."),
            (revision.ReviewerName, revision.ReviewerTitle, revision.ReviewedAt, revision.ReviewComment));
        Assert.Equal([DocumentAction.Created, DocumentAction.Submitted, DocumentAction.ReviewRecorded, DocumentAction.Approved], document.Events.Select(e => e.Action));
        Assert.Equal("Người xem xét: Lê Thị Phó.", document.Events[1].Reason);
    }

    [Fact]
    public void The_review_is_an_electronic_signature_meaning_xem_xet_over_the_revisions_text()
    {
        var (document, revision) = Draft();
        document.Submit(revision, Secretary, At, ViceChair);

        var unsigned = Assert.Throws<DomainException>(() => document.Review(revision, ViceChair, null, At, signature: null));
        Assert.Contains("Xem xét cần chữ ký điện tử", unsigned.Message, StringComparison.Ordinal);
        document.Review(revision, ViceChair, null, At, Signed(revision, CommuneRole.Staff));

        var signature = Assert.Single(document.Signatures);
        Assert.Equal((SignatureMeaning.Review, ViceChair.UserId, CommuneRole.Staff), (signature.Meaning, signature.SignerId, signature.SignerRole));
        Assert.Equal(SignedContent.Of(revision.Title, revision.Body, []).Digest, signature.Digest);
        Assert.Null(revision.ReviewComment);
    }

    [Fact]
    public void Only_the_named_reviewer_may_review_or_return_and_only_once()
    {
        var (document, revision) = Draft();
        document.Submit(revision, Secretary, At, ViceChair, reviewRequired: true);

        Assert.Contains("Chỉ người được chọn xem xét bản này (Lê Thị Phó)",
            Assert.Throws<DomainException>(() => document.Review(revision, Chair, null, At, Signed(revision))).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => document.ReturnFromReview(revision, Chair, "Không đồng ý.", At));
        document.Review(revision, ViceChair, null, At, Signed(revision));

        Assert.Contains("đã được xem xét", Assert.Throws<DomainException>(() => document.Review(revision, ViceChair, null, At, Signed(revision))).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => document.ReturnFromReview(revision, ViceChair, "Đổi ý.", At));
        Assert.Single(document.Signatures);
    }

    [Fact]
    public void A_revision_sent_straight_to_approval_has_no_review_to_record()
    {
        var (document, revision) = Draft();
        document.Submit(revision, Secretary, At);

        var e = Assert.Throws<DomainException>(() => document.Review(revision, ViceChair, null, At, Signed(revision)));

        Assert.Contains("không qua bước xem xét", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reviewer_returns_with_a_reason_and_a_resubmission_is_reviewed_again()
    {
        var (document, revision) = Draft();
        document.Submit(revision, Secretary, At, ViceChair, reviewRequired: true);

        Assert.Equal("Reason", Assert.Throws<DomainException>(() => document.ReturnFromReview(revision, ViceChair, "  ", At)).Field);
        document.ReturnFromReview(revision, ViceChair, "Thiếu bước trả kết quả.", At);

        Assert.Equal(RevisionStatus.Draft, revision.Status);
        Assert.Equal("Thiếu bước trả kết quả.", revision.RejectionReason);
        Assert.Equal(DocumentAction.ReviewReturned, document.Events[^1].Action);
        Assert.Equal(ViceChair.Name, document.Events[^1].ActorName);

        document.EditDraft(revision, document.Title, document.Owner, 12, null, null, true, "Nội dung đã bổ sung bước trả kết quả.", null, Secretary, At);
        document.Submit(revision, Secretary, At, ViceChair, reviewRequired: true);
        Assert.True(revision.AwaitsReview);
        Assert.Null(revision.RejectionReason);
        Assert.Throws<DomainException>(() => document.Approve(revision, Chair, actorIsApprover: true, At, Signed(revision)));
    }

    [Fact]
    public void A_reviewer_may_be_chosen_voluntarily_and_then_the_review_is_still_required_before_approval()
    {
        var (document, revision) = Draft();
        document.Submit(revision, Secretary, At, ViceChair, reviewRequired: false);

        Assert.Throws<DomainException>(() => document.Approve(revision, Chair, actorIsApprover: true, At, Signed(revision)));
        Assert.Equal(ViceChair.UserId, revision.ReviewerId);
    }
}
