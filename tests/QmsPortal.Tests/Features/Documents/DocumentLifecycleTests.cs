using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Documents.Signatures;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Documents;

public sealed class DocumentLifecycleTests
{
    private static readonly DocumentActor Secretary = new("u-secretary", "Nguyễn Thị Thư", "Thư ký ISO");
    private static readonly DocumentActor Chair = new("u-chair", "Trần Văn Chính", "Chủ tịch UBND xã");
    private static readonly DateTimeOffset At = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private static ControlledDocument NewDocument(string body = "## 1. Mục đích\n\nNội dung.") =>
        ControlledDocument.Create("QT-02/CX-HCTP", "Quy trình kiểm soát hồ sơ", DocumentKind.SystemProcedure, "Thư ký ISO", 12,
            "1.001193, 2.000815.000.00.00.H55", "Quyết định 19/2014/QĐ-TTg", true, body, Secretary, At);

    private static ControlledDocument Issued(DateOnly effective)
    {
        var document = NewDocument();
        var revision = document.Revisions[0];
        document.Submit(revision, Secretary, At);
        document.Approve(revision, Chair, actorIsApprover: true, At, Signed(revision));
        document.Issue(revision, effective, Chair, At, Signed(revision));
        return document;
    }

    /// <summary>What a page hands over once the signer re-entered their password: the revision's own text, no attachments.</summary>
    private static SigningEvidence Signed(DocumentRevision revision) =>
        new(CommuneRole.Approver, ReauthenticationMethod.Password, SignedContent.Of(revision.Title, revision.Body, []));

    [Fact]
    public void A_new_document_starts_as_draft_revision_one_with_a_created_event()
    {
        var document = NewDocument();

        Assert.Equal(RevisionStatus.Draft, document.Status);
        Assert.Equal(1, Assert.Single(document.Revisions).Number);
        Assert.Equal(DocumentAction.Created, Assert.Single(document.Events).Action);
        Assert.Equal("1.001193 2.000815.000.00.00.H55", document.TthcCodes);
        Assert.Equal(0, document.IssueNumber);
    }

    [Theory]
    [InlineData("qt02")]
    [InlineData("QT-2")]
    [InlineData("QT-02/")]
    [InlineData("Q-02")]
    [InlineData("QT-02/CX HCTP")]
    public void A_wrongly_formed_code_is_refused(string code)
    {
        var e = Assert.Throws<DomainException>(() => ControlledDocument.CheckCode(code));
        Assert.Equal("Code", e.Field);
        Assert.Contains("QT-02/CX-HCTP", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrongly_formed_TTHC_code_is_refused()
    {
        var e = Assert.Throws<DomainException>(() => ControlledDocument.CheckTthcCodes("1.001193, 1001193"));
        Assert.Contains("1001193", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_author_can_never_approve_their_own_revision_even_as_approver()
    {
        var document = NewDocument();
        var revision = document.Revisions[0];
        document.Submit(revision, Secretary, At);
        var events = document.Events.Count;

        var e = Assert.Throws<DomainException>(() => document.Approve(revision, Secretary, actorIsApprover: true, At, Signed(revision)));

        Assert.Contains("tự phê duyệt", e.Message, StringComparison.Ordinal);
        Assert.Equal(RevisionStatus.InReview, revision.Status);
        Assert.Equal(events, document.Events.Count);
    }

    [Fact]
    public void Someone_who_edited_the_draft_can_never_approve_it()
    {
        var editor = new DocumentActor("u-admin", "Lê Văn Quản", "Phó Chủ tịch UBND xã");
        var document = NewDocument();
        var revision = document.Revisions[0];
        document.EditDraft(revision, document.Title, document.Owner, 12, null, null, true, "Nội dung viết lại.", null, editor, At);
        document.Submit(revision, editor, At);

        var e = Assert.Throws<DomainException>(() => document.Approve(revision, editor, actorIsApprover: true, At, Signed(revision)));

        Assert.Contains("chính mình đã sửa", e.Message, StringComparison.Ordinal);
        Assert.Equal(RevisionStatus.InReview, revision.Status);
        Assert.Empty(document.Signatures);
        Assert.True(revision.IsContributor(Secretary.UserId));
        Assert.True(revision.IsContributor(editor.UserId));
    }

    [Fact]
    public void Someone_who_attached_a_file_to_the_draft_can_never_approve_it()
    {
        var document = NewDocument();
        var revision = document.Revisions[0];
        document.AttachForm(revision, "mau.pdf", Chair, At);
        document.Submit(revision, Secretary, At);

        Assert.Throws<DomainException>(() => document.Approve(revision, Chair, actorIsApprover: true, At, Signed(revision)));
        Assert.Equal(DocumentAction.Attached, document.Events.Single(e => e.ActorId == Chair.UserId).Action);
    }

    [Fact]
    public void A_person_cannot_approve_or_issue_without_a_signature()
    {
        var document = NewDocument();
        var revision = document.Revisions[0];
        document.Submit(revision, Secretary, At);

        var e = Assert.Throws<DomainException>(() => document.Approve(revision, Chair, actorIsApprover: true, At, signature: null));

        Assert.Contains("cần chữ ký điện tử", e.Message, StringComparison.Ordinal);
        Assert.Equal(RevisionStatus.InReview, revision.Status);
        Assert.Empty(document.Signatures);
    }

    [Fact]
    public void Approving_and_issuing_record_a_signature_each_with_the_digest_of_the_revision()
    {
        var document = Issued(new DateOnly(2026, 1, 5));
        var revision = document.Revisions[0];

        Assert.Equal([SignatureMeaning.Approval, SignatureMeaning.Issue], document.Signatures.Select(s => s.Meaning));
        Assert.All(document.Signatures, s =>
        {
            Assert.Equal(SignedContent.Of(revision.Title, revision.Body, []).Digest, s.Digest);
            Assert.Equal(Chair.UserId, s.SignerId);
            Assert.Equal("Chủ tịch UBND xã", s.SignerTitle);
            Assert.Equal(CommuneRole.Approver, s.SignerRole);
            Assert.Equal(At, s.SignedAt);
            Assert.Equal(ReauthenticationMethod.Password, s.Method);
        });
        Assert.Equal(Chair.Name, revision.IssuerName);
        Assert.Equal(Secretary.Name, revision.SubmitterName);
    }

    [Fact]
    public void A_signature_over_other_text_than_the_revisions_is_refused()
    {
        var document = NewDocument();
        var revision = document.Revisions[0];
        document.Submit(revision, Secretary, At);
        var other = new SigningEvidence(CommuneRole.Approver, ReauthenticationMethod.Password, SignedContent.Of(revision.Title, "Văn bản khác.", []));

        Assert.Throws<InvalidOperationException>(() => document.Approve(revision, Chair, actorIsApprover: true, At, other));
        Assert.Empty(document.Signatures);
    }

    [Fact]
    public void A_recipe_approves_and_issues_without_any_signature()
    {
        var recipe = new DocumentActor(DocumentActor.RecipePrefix + "approver", "Chủ tịch UBND", null);
        var document = NewDocument();
        var revision = document.Revisions[0];
        document.Submit(revision, Secretary, At);

        document.Approve(revision, recipe, actorIsApprover: true, At, signature: null);
        document.Issue(revision, new DateOnly(2026, 1, 5), recipe, At, signature: null);

        Assert.Equal(RevisionStatus.Issued, revision.Status);
        Assert.Empty(document.Signatures);
    }

    [Fact]
    public void Only_an_approver_may_approve()
    {
        var document = NewDocument();
        var revision = document.Revisions[0];
        document.Submit(revision, Secretary, At);

        Assert.Throws<DomainException>(() => document.Approve(revision, Chair, actorIsApprover: false, At, Signed(revision)));
        Assert.Equal(RevisionStatus.InReview, revision.Status);
    }

    [Fact]
    public void Issuing_without_approval_is_refused()
    {
        var document = NewDocument();
        var revision = document.Revisions[0];
        document.Submit(revision, Secretary, At);

        var e = Assert.Throws<DomainException>(() => document.Issue(revision, new DateOnly(2026, 12, 1), Chair, At, Signed(revision)));

        Assert.Contains("chưa được lãnh đạo phê duyệt", e.Message, StringComparison.Ordinal);
        Assert.Equal(RevisionStatus.InReview, revision.Status);
        Assert.Null(document.EffectiveDate);
    }

    [Fact]
    public void Rejecting_needs_a_reason_and_returns_the_revision_to_draft()
    {
        var document = NewDocument();
        var revision = document.Revisions[0];
        document.Submit(revision, Secretary, At);

        Assert.Throws<DomainException>(() => document.Reject(revision, Chair, actorIsApprover: true, "  ", At));
        document.Reject(revision, Chair, actorIsApprover: true, "Thiếu bước trả kết quả.", At);

        Assert.Equal(RevisionStatus.Draft, revision.Status);
        Assert.Equal("Thiếu bước trả kết quả.", revision.RejectionReason);
        Assert.Equal("Thiếu bước trả kết quả.", document.Events[^1].Reason);
    }

    [Fact]
    public void Issuing_sets_issue_number_effective_date_and_next_review()
    {
        var document = Issued(new DateOnly(2026, 1, 5));

        Assert.Equal(RevisionStatus.Issued, document.Status);
        Assert.Equal(1, document.IssueNumber);
        Assert.Equal(new DateOnly(2026, 1, 5), document.EffectiveDate);
        Assert.Equal(new DateOnly(2027, 1, 5), document.NextReviewDate);
    }

    [Fact]
    public void Issuing_a_new_revision_supersedes_the_previous_one_so_exactly_one_is_issued()
    {
        var document = Issued(new DateOnly(2026, 1, 5));
        var first = document.Revisions[0];
        var second = document.StartRevision(Secretary, At);
        document.EditDraft(second, "Quy trình kiểm soát hồ sơ", "Thư ký ISO", 6, "1.001193", null, true, "Nội dung mới.", "Rút gọn.", Secretary, At);
        document.Submit(second, Secretary, At);
        document.Approve(second, Chair, actorIsApprover: true, At, Signed(second));

        document.Issue(second, new DateOnly(2026, 6, 1), Chair, At, Signed(second));

        Assert.Single(document.Revisions, r => r.Status == RevisionStatus.Issued);
        Assert.Equal(RevisionStatus.Superseded, first.Status);
        Assert.Equal(new DateOnly(2026, 6, 1), first.EndDate);
        Assert.Equal(2, second.IssueNumber);
        Assert.Equal(2, document.IssueNumber);
        Assert.Equal(new DateOnly(2026, 12, 1), document.NextReviewDate);
        Assert.Contains(document.Events, e => e.Action == DocumentAction.Superseded && e.RevisionNumber == 1);
    }

    [Fact]
    public void Issuing_an_already_issued_revision_again_is_refused()
    {
        var document = Issued(new DateOnly(2026, 1, 5));

        var e = Assert.Throws<DomainException>(() => document.Issue(document.Revisions[0], new DateOnly(2026, 2, 1), Chair, At, Signed(document.Revisions[0])));

        Assert.Contains("chỉ có một bản đang hiệu lực", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, document.IssueNumber);
    }

    [Fact]
    public void Editing_an_issued_revision_is_refused_and_changes_nothing()
    {
        var document = Issued(new DateOnly(2026, 1, 5));
        var revision = document.Revisions[0];
        var body = revision.Body;

        var e = Assert.Throws<DomainException>(() => document.EditDraft(revision, "Tên mới", "Thư ký ISO", 12, null, null, true, "Sửa lén.", null, Secretary, At));

        Assert.Contains("Chỉ sửa được bản dự thảo", e.Message, StringComparison.Ordinal);
        Assert.Equal(body, revision.Body);
        Assert.Equal("Quy trình kiểm soát hồ sơ", document.Title);
    }

    [Fact]
    public void Only_one_revision_can_be_in_preparation()
    {
        var document = Issued(new DateOnly(2026, 1, 5));
        document.StartRevision(Secretary, At);

        Assert.Throws<DomainException>(() => document.StartRevision(Secretary, At));
        Assert.Equal(RevisionStatus.Draft, document.PendingStatus);
        Assert.Equal(RevisionStatus.Issued, document.Status);
    }

    [Fact]
    public void Every_edit_and_transition_bumps_the_concurrency_version()
    {
        var document = NewDocument();
        var before = document.Version;

        document.Submit(document.Revisions[0], Secretary, At);

        Assert.True(document.Version > before);
    }

    [Fact]
    public void Withdrawing_needs_a_reason_and_ends_the_revision()
    {
        var document = Issued(new DateOnly(2026, 1, 5));

        Assert.Throws<DomainException>(() => document.Withdraw(document.Revisions[0], Chair, "", new DateOnly(2026, 3, 1), At));
        document.Withdraw(document.Revisions[0], Chair, "Thủ tục bị bãi bỏ.", new DateOnly(2026, 3, 1), At);

        Assert.Equal(RevisionStatus.Withdrawn, document.Status);
        Assert.Equal(new DateOnly(2026, 3, 1), document.Revisions[0].EndDate);
        Assert.Null(document.NextReviewDate);
    }

    [Fact]
    public void Reviewed_without_change_moves_the_next_review_date_from_today()
    {
        var document = Issued(new DateOnly(2025, 1, 5));

        document.MarkReviewed(Secretary, new DateOnly(2026, 2, 10), "Còn phù hợp.", At);

        Assert.Equal(new DateOnly(2027, 2, 10), document.NextReviewDate);
        Assert.Equal(DocumentAction.Reviewed, document.Events[^1].Action);
        Assert.Equal(1, document.IssueNumber);
    }

    [Fact]
    public void The_revision_in_force_on_a_date_is_found_across_superseded_revisions()
    {
        var document = Issued(new DateOnly(2026, 1, 5));
        var second = document.StartRevision(Secretary, At);
        document.Submit(second, Secretary, At);
        document.Approve(second, Chair, actorIsApprover: true, At, Signed(second));
        document.Issue(second, new DateOnly(2026, 6, 1), Chair, At, Signed(second));

        Assert.Null(document.InForceOn(new DateOnly(2026, 1, 4)));
        Assert.Equal(1, document.InForceOn(new DateOnly(2026, 5, 31))!.Number);
        Assert.Equal(2, document.InForceOn(new DateOnly(2026, 6, 1))!.Number);
    }

    [Fact]
    public void A_revision_issued_for_a_later_date_is_upcoming_and_the_one_it_replaces_stays_in_force_until_then()
    {
        var document = Issued(new DateOnly(2026, 1, 5));
        var first = document.Revisions[0];
        var second = document.StartRevision(Secretary, At);
        document.Submit(second, Secretary, At);
        document.Approve(second, Chair, actorIsApprover: true, At, Signed(second));
        document.Issue(second, new DateOnly(2026, 12, 1), Chair, At, Signed(second));
        var today = new DateOnly(2026, 11, 25);

        Assert.Equal(1, document.InForceOn(today)!.Number);
        Assert.Equal(2, document.InForceOn(new DateOnly(2026, 12, 1))!.Number);
        Assert.Equal(Validity.InForce, RevisionValidity.On(first.Status, first.EffectiveDate, first.EndDate, today));
        Assert.Equal(Validity.Upcoming, RevisionValidity.On(second.Status, second.EffectiveDate, second.EndDate, today));
        Assert.Equal("Đang hiệu lực", RevisionValidity.Label(first.Status, first.EffectiveDate, first.EndDate, today));
        Assert.Equal("Sắp có hiệu lực từ 01/12/2026", RevisionValidity.Label(second.Status, second.EffectiveDate, second.EndDate, today));
        Assert.Equal("CHƯA CÓ HIỆU LỰC", RevisionValidity.Watermark(second.Status, second.EffectiveDate, second.EndDate, today));
        Assert.Null(RevisionValidity.Watermark(first.Status, first.EffectiveDate, first.EndDate, today));

        var dayOf = new DateOnly(2026, 12, 1);
        Assert.Equal("Đã bị thay thế", RevisionValidity.Label(first.Status, first.EffectiveDate, first.EndDate, dayOf));
        Assert.Equal("Đang hiệu lực", RevisionValidity.Label(second.Status, second.EffectiveDate, second.EndDate, dayOf));
        Assert.Equal("Thay thế bởi lần ban hành 2 từ ngày 01/12/2026.", document.Events.Single(e => e.Action == DocumentAction.Superseded).Reason);
    }

    [Fact]
    public void Withdrawing_an_issue_before_it_takes_effect_leaves_the_previous_revision_in_force()
    {
        var document = Issued(new DateOnly(2026, 1, 5));
        var first = document.Revisions[0];
        var second = document.StartRevision(Secretary, At);
        document.Submit(second, Secretary, At);
        document.Approve(second, Chair, actorIsApprover: true, At, Signed(second));
        document.Issue(second, new DateOnly(2026, 12, 1), Chair, At, Signed(second));

        document.Withdraw(second, Chair, "Ban hành nhầm ngày.", new DateOnly(2026, 11, 25), At);

        Assert.Equal(RevisionStatus.Issued, first.Status);
        Assert.Null(first.EndDate);
        Assert.Equal(RevisionStatus.Withdrawn, second.Status);
        Assert.Equal(1, document.InForceOn(new DateOnly(2026, 12, 2))!.Number);
        Assert.Equal((RevisionStatus.Issued, 1, new DateOnly(2026, 1, 5)), (document.Status, document.IssueNumber, document.EffectiveDate));
        Assert.Equal(DocumentAction.Reinstated, document.Events[^1].Action);

        // The next issue takes a new number: lần ban hành 2 stays the withdrawn one.
        var third = document.StartRevision(Secretary, At);
        document.Submit(third, Secretary, At);
        document.Approve(third, Chair, actorIsApprover: true, At, Signed(third));
        document.Issue(third, new DateOnly(2026, 12, 1), Chair, At, Signed(third));
        Assert.Equal(3, third.IssueNumber);
    }

    [Fact]
    public void A_revision_superseded_on_the_day_it_was_to_take_effect_is_never_in_force()
    {
        var ended = RevisionValidity.On(RevisionStatus.Superseded, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 25));

        Assert.Equal(Validity.Ended, ended);
    }

    [Fact]
    public void A_legal_text_makes_its_documents_due_for_update_three_months_after_it_takes_effect()
    {
        var text = LegalText.Register("61/2018/NĐ-CP", "Về thực hiện cơ chế một cửa", new DateOnly(2026, 2, 15), null, [3, 4, 3]);

        Assert.Equal(2, text.Items.Count);
        Assert.All(text.Items, i => Assert.Equal(new DateOnly(2026, 5, 15), i.DueDate));
        Assert.Throws<DomainException>(() => LegalText.Register("61-2018", "X", new DateOnly(2026, 1, 1), null, [1]));
    }
}
