using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;

namespace QmsPortal.Tests.Features.Audits.Programmes;

/// <summary>Rules the programme pages added to the entities.</summary>
public sealed class ProgrammeRulesTests
{
    [Fact]
    public void Programme_notes_are_trimmed_emptied_to_nothing_and_bounded()
    {
        var programme = AuditProgramme.Create(2026, "Ghi chú cũ");

        programme.EditNotes("  Hai cuộc đánh giá: tháng 5 và tháng 10.  ");
        var tooLong = Assert.Throws<DomainException>(() => programme.EditNotes(new string('x', AuditProgramme.NotesMaxLength + 1)));

        Assert.Equal("Hai cuộc đánh giá: tháng 5 và tháng 10.", programme.Notes);
        Assert.Equal("Notes", tooLong.Field);
        programme.EditNotes("   ");
        Assert.Null(programme.Notes);
    }
}
