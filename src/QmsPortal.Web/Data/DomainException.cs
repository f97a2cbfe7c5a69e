namespace QmsPortal.Web.Data;

/// <summary>
/// A rule of the domain was broken. The message is Vietnamese and meant for the user; pages show it
/// next to the field named by <see cref="Field"/> (when given) and change nothing.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message, string? field = null) : base(message) => Field = field;

    public DomainException() : base("Thao tác không hợp lệ.")
    {
    }

    public DomainException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public string? Field { get; }
}
