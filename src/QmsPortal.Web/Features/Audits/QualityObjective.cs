using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Audits;

public enum ObjectiveDirection
{
    /// <summary>The value must reach the target or more (on-time rate ≥ 95%).</summary>
    AtLeast,

    /// <summary>The value must stay at the target or less (apology slips ≤ 2 a month).</summary>
    AtMost,
}

/// <summary>Where an objective's monthly value can be computed from the one-stop desk's statistics.</summary>
public enum DeskMeasure
{
    None,

    /// <summary>on time / received × 100.</summary>
    OnTimeRate,

    /// <summary>apology slips issued.</summary>
    Apologies,

    /// <summary>satisfied / surveyed × 100.</summary>
    Satisfaction,

    /// <summary>late dossiers.</summary>
    Late,
}

/// <summary>A quality objective (ISO 9001 6.2) with its indicator, target and unit, measured month by month (9.1).</summary>
public sealed class QualityObjective : ITenantOwned, IStamped
{
    private QualityObjective()
    {
    }

    public int Id { get; private set; }
    public int TenantId { get; set; }
    public string Name { get; private set; } = "";
    public string Indicator { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public decimal Target { get; private set; }
    public ObjectiveDirection Direction { get; private set; }
    public DeskMeasure Measure { get; private set; }
    public bool IsActive { get; private set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public List<ObjectiveValue> Values { get; } = [];

    public static QualityObjective Create(string? name, string? indicator, string? unit, decimal target, ObjectiveDirection direction, DeskMeasure measure)
    {
        if (target < 0 || (unit?.Trim() == "%" && target > 100))
        {
            throw new DomainException("Chỉ tiêu không hợp lệ (từ 0; tỷ lệ phần trăm không quá 100).", "Target");
        }

        return new QualityObjective
        {
            Name = AuditText.Required(name, 200, "Name", "tên mục tiêu"),
            Indicator = AuditText.Required(indicator, 300, "Indicator", "chỉ số đo"),
            Unit = AuditText.Required(unit, 20, "Unit", "đơn vị tính"),
            Target = target,
            Direction = direction,
            Measure = measure,
        };
    }

    public bool Meets(decimal value) => Meets(Direction, Target, value);

    /// <summary>The same test for readers that project an objective's direction and target instead of loading it.</summary>
    public static bool Meets(ObjectiveDirection direction, decimal target, decimal value) =>
        direction == ObjectiveDirection.AtLeast ? value >= target : value <= target;

    /// <summary>Sets the value of a month (first day of the month); a month has one value, entered again it is replaced.</summary>
    public ObjectiveValue SetValue(DateOnly month, decimal value, ObjectiveValueSource source)
    {
        if (value < 0 || (Unit == "%" && value > 100))
        {
            throw new DomainException($"Giá trị {value} không hợp lệ cho đơn vị \"{Unit}\".", "Value");
        }

        var first = new DateOnly(month.Year, month.Month, 1);
        var existing = Values.FirstOrDefault(v => v.Month == first);
        if (existing is not null)
        {
            existing.Replace(value, source);
            return existing;
        }

        var created = new ObjectiveValue(first, value, source);
        Values.Add(created);
        return created;
    }

    /// <summary>The month's value computed from the desk statistics, or null when this objective is not measured from them (or nothing was surveyed).</summary>
    public decimal? ValueFrom(DeskStatistics month) => Measure switch
    {
        DeskMeasure.OnTimeRate when month.Received > 0 => Math.Round(100m * month.OnTime / month.Received, 2),
        DeskMeasure.Satisfaction when month.Surveyed > 0 => Math.Round(100m * month.Satisfied / month.Surveyed, 2),
        DeskMeasure.Apologies => month.Apologies,
        DeskMeasure.Late => month.Late,
        _ => null,
    };

    public void Retire() => IsActive = false;
}

public enum ObjectiveValueSource
{
    Typed,
    Imported,
}

public sealed class ObjectiveValue : ITenantOwned
{
    private ObjectiveValue()
    {
    }

    internal ObjectiveValue(DateOnly month, decimal value, ObjectiveValueSource source)
    {
        Month = month;
        Value = value;
        Source = source;
    }

    public int Id { get; private set; }
    public int TenantId { get; set; }
    public int ObjectiveId { get; private set; }

    /// <summary>The first day of the month measured.</summary>
    public DateOnly Month { get; private set; }

    public decimal Value { get; private set; }
    public ObjectiveValueSource Source { get; private set; }

    internal void Replace(decimal value, ObjectiveValueSource source)
    {
        Value = value;
        Source = source;
    }
}

/// <summary>
/// One month of one-stop-desk statistics as imported from CSV (received, on time, late, apology slips, satisfied out of
/// surveyed). Objectives with a <see cref="DeskMeasure"/> take their monthly value from it.
/// </summary>
public sealed class DeskStatistics : ITenantOwned
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public DateOnly Month { get; set; }
    public int Received { get; set; }
    public int OnTime { get; set; }
    public int Late { get; set; }
    public int Apologies { get; set; }
    public int Satisfied { get; set; }
    public int Surveyed { get; set; }

    /// <summary>The numbers must add up; returns the Vietnamese problem (and the column) or null.</summary>
    public (string Column, string Problem)? Check()
    {
        if (new[] { Received, OnTime, Late, Apologies, Satisfied, Surveyed }.Any(n => n < 0))
        {
            return ("", "Các số liệu không được âm.");
        }

        if (OnTime + Late > Received)
        {
            return ("dung_han", $"Đúng hạn ({OnTime}) cộng trễ hạn ({Late}) lớn hơn số hồ sơ đã tiếp nhận ({Received}).");
        }

        return Satisfied > Surveyed ? ("hai_long", $"Số hài lòng ({Satisfied}) lớn hơn số được khảo sát ({Surveyed}).") : null;
    }
}
