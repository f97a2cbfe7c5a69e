using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Features.Tthc.Catalogue;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Support;

/// <summary>Test data for TTHC: a complete procedure record with safe defaults (test fixtures, not legal facts).</summary>
public static class TthcBuilder
{
    public const string Exemption = "Miễn lệ phí đối với:  trẻ em dưới 6 tuổi; người thuộc hộ nghèo (giữ nguyên văn).";

    public static ProcedureContent Procedure(string code, string name = "Đăng ký thử nghiệm", string field = "Hộ tịch") => new()
    {
        Code = code,
        Name = name,
        Field = field,
        Steps = ["Nộp hồ sơ tại Bộ phận Một cửa.", "Công chức kiểm tra và trả kết quả."],
        Channels =
        [
            new ProcedureChannel { Kind = "truc-tiep", TimeLimit = new TimeLimit { Unit = "ngay-lam-viec", Value = 3 } },
            new ProcedureChannel { Kind = "truc-tuyen", TimeLimit = new TimeLimit { Unit = "ngay-lam-viec", Value = 2 }, Fee = "Giảm 50% khi nộp trực tuyến." },
        ],
        Cases =
        [
            new PaperCase
            {
                Name = "Trường hợp thông thường",
                Papers =
                [
                    new Paper { Name = "Tờ khai theo mẫu", Originals = 1, Copies = 0, Form = "Tờ khai" },
                    new Paper { Name = "Giấy tờ tùy thân", Originals = 0, Copies = 2 },
                ],
            },
            new PaperCase { Name = "Trường hợp ủy quyền", Papers = [new Paper { Name = "Văn bản ủy quyền", Originals = 1, Copies = 1 }] },
        ],
        Forms = [new FormReference { Name = "Tờ khai" }],
        Applicants = "Công dân Việt Nam",
        HandlingBody = "Ủy ban nhân dân cấp xã",
        Result = "Giấy xác nhận",
        FeeText = "10.000 đồng/trường hợp (nguyên văn)",
        FeeExemption = Exemption,
        LegalBases = [new LegalBasis { Number = "01/2020/TT-THU", Title = "Văn bản thử nghiệm", Date = new DateOnly(2020, 1, 1), Issuer = "Bộ Thử nghiệm" }],
        OnlineService = "mot-phan",
        OnlineUrl = "https://dichvucong.example.vn/thu-tuc",
        Decision = new AnnouncingDecision { Number = "100/QĐ-UBND", Date = new DateOnly(2026, 1, 5), EffectiveFrom = new DateOnly(2026, 1, 15) },
    };

    public static Task ImportAsync(this PortalFactory portal, string province, params ProcedureContent[] records) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<CatalogueImport>().ApplyAsync(province, records));

    /// <summary>Adopts the codes for the commune and posts them (or leaves them as drafts).</summary>
    public static Task PostAsync(this PortalFactory portal, TenantInfo commune, bool publish, params string[] codes) =>
        portal.InScopeAsync(async sp =>
        {
            var postings = sp.GetRequiredService<Postings>();
            var db = sp.GetRequiredService<QmsDbContext>();
            await postings.AdoptAsync(commune.ProvinceCode, codes);
            await db.SaveChangesAsync();
            foreach (var code in codes)
            {
                var posting = (await postings.FindAsync(code))!;
                posting.WorkProcedureCode = "QT-05/CX-HT";
                if (publish)
                {
                    posting.Publish(Postings.ShownVersion(posting).Content);
                }
            }

            await db.SaveChangesAsync();
            await postings.EvictAsync(commune.Id);
        }, commune);

    /// <summary>A new procedure of that name in the commune's province catalogue, adopted and posted; returns its code.</summary>
    public static async Task<string> PostNewAsync(this PortalFactory portal, TenantInfo commune, string name)
    {
        var code = NextCode();
        await portal.ImportAsync(commune.ProvinceCode, Procedure(code, name));
        await portal.PostAsync(commune, true, code);
        return code;
    }

    public static string NextCode() => $"9.{PortalFactory.Next() % 1_000_000:000000}";
}
