namespace QmsPortal.Web.Data;

/// <summary>
/// A row that belongs to one commune. The DbContext filters every query on <see cref="TenantId"/>
/// and stamps it on insert, so feature code never writes a tenant condition by hand.
/// </summary>
public interface ITenantOwned
{
    int TenantId { get; set; }
}

/// <summary>Rows that record who created and last changed them; stamped by <see cref="AuditStampInterceptor"/>.</summary>
public interface IStamped
{
    DateTimeOffset CreatedAt { get; set; }
    string? CreatedBy { get; set; }
    DateTimeOffset? UpdatedAt { get; set; }
    string? UpdatedBy { get; set; }
}

/// <summary>
/// Records that are evidence (history, signatures): once written they never change. <see cref="AuditStampInterceptor"/>
/// refuses any update or delete of them through EF Core; tables that hold signatures also refuse it in the database.
/// </summary>
public interface IAppendOnly;
