namespace QmsPortal.Tests.Browser.Pages;

/// <summary>
/// One page of the portal as a visitor opens it: <paramref name="Path"/> on the demo data, <paramref name="Visitor"/> a
/// demo sign-in (<see cref="DemoUsers.Citizen"/> for nobody), and the status the page answers with.
/// </summary>
/// <remarks>
/// A path may name demo records by their natural keys, resolved against Xã Tuyên Bình when the checks start:
/// <c>{doc:MT-02}</c> is the id of document MT-02, <c>{rev:MT-02:1}</c> the id of its revision 1; audit records by
/// <c>{audit:title}</c>, <c>{finding:PH-2026-001}</c>, <c>{review:2026-11-20}</c> (meeting date), <c>{objective:name}</c> and
/// <c>{inspection:2026-10-16}</c> (minutes date).
/// </remarks>
public sealed record ListedPage(string Path, string Visitor, int Status = 200)
{
    public override string ToString() => $"{Path} ({(Visitor.Length == 0 ? "người dân" : Visitor)})";
}

/// <summary>
/// Every page template of the portal, public and staff, with someone who may open it. <see cref="EveryPageTests"/> runs
/// axe-core, the Nu HTML Checker and the 360 px width check on each: a page added later is covered by adding it here.
/// Not listed: /setup, which closes for good once a platform administrator exists (the demo has one); redirects such
/// as /{slug}/tai-lieu/theo-ma, which have no page of their own; file downloads.
/// </summary>
public static class PageList
{
    private const string Commune = "/tuyen-binh";
    private const string Procedure = Commune + "/thu-tuc/1.001193";
    private const string FirstAudit = "Đánh giá nội bộ lần 1 năm 2026: Bộ phận Một cửa và hộ tịch";
    private const string PlannedAudit = "Đánh giá nội bộ cuối năm 2026: xem xét của lãnh đạo và hành động khắc phục";

    public static readonly IReadOnlyList<ListedPage> All =
    [
        // Citizens: the platform, a commune (Default theme and Lotus theme), its procedures and its ISO system.
        new("/", DemoUsers.Citizen),
        new(Commune, DemoUsers.Citizen),
        new(Commune + "/thu-tuc", DemoUsers.Citizen),
        new(Commune + "/thu-tuc?q=khai+sinh", DemoUsers.Citizen),
        new(Procedure, DemoUsers.Citizen),
        new(Procedure + "/in-giay-to", DemoUsers.Citizen),
        new(Procedure + "/in-niem-yet", DemoUsers.Citizen),
        new(Procedure + "/bao-sai-sot", DemoUsers.Citizen),
        new(Procedure + "/phien-ban/1", DemoUsers.Citizen),
        new(Commune + "/iso", DemoUsers.Citizen),
        new("/ky-anh", DemoUsers.Citizen),
        new("/ky-anh/thu-tuc/1.001193", DemoUsers.Citizen),
        new("/ky-anh/iso", DemoUsers.Citizen),

        // Search: the form alone, results, a correction offered, nothing found (both themes); a member's wider scope.
        new(Commune + "/tim-kiem", DemoUsers.Citizen),
        new(Commune + "/tim-kiem?q=khai+sinh", DemoUsers.Citizen),
        new(Commune + "/tim-kiem?q=khai+sihn", DemoUsers.Citizen),
        new(Commune + "/tim-kiem?q=qwxzj+vbnmk", DemoUsers.Citizen),
        new(Commune + "/tim-kiem?q=khai+sinh", DemoUsers.Secretary),
        new("/ky-anh/tim-kiem?q=khai+sinh", DemoUsers.Citizen),

        // Accounts and the status pages.
        new("/tai-khoan/dang-nhap", DemoUsers.Citizen),
        new("/tai-khoan/quen-mat-khau", DemoUsers.Citizen),
        new("/tai-khoan/dat-lai-mat-khau?email=canbo.tuyenbinh%40qms.demo&token=het-han", DemoUsers.Citizen),
        new("/xa-khong-ton-tai", DemoUsers.Citizen, 404),
        new(Commune + "/trang-khong-co", DemoUsers.Citizen, 404),
        new("/ky-anh/trang-khong-co", DemoUsers.Citizen, 404),
        new("/tai-khoan/khong-co-quyen", DemoUsers.Staff, 403),
        new("/tai-khoan", DemoUsers.Secretary),
        new("/tai-khoan/ma-ky-so", DemoUsers.Secretary),
        new("/tai-khoan/dang-xuat", DemoUsers.Secretary),

        // The procedure library: issued, draft and in-review documents, as their author, an approver and a reader.
        new(Commune, DemoUsers.Secretary),
        new(Commune + "/tai-lieu", DemoUsers.Secretary),
        new(Commune + "/tai-lieu/{doc:MT-02}", DemoUsers.Secretary),
        new(Commune + "/tai-lieu/{doc:MT-02}", DemoUsers.Staff),
        new(Commune + "/tai-lieu/{doc:HD-01}", DemoUsers.Secretary),
        new(Commune + "/tai-lieu/{doc:QT-16}", DemoUsers.Approver),
        new(Commune + "/tai-lieu/{doc:HD-01}/sua", DemoUsers.Secretary),
        new(Commune + "/tai-lieu/moi", DemoUsers.Secretary),
        new(Commune + "/tai-lieu/{doc:MT-02}/so-sanh?tu={rev:MT-02:1}&den={rev:MT-02:2}", DemoUsers.Secretary),
        new(Commune + "/tai-lieu/{doc:MT-02}/in", DemoUsers.Staff),
        new(Commune + "/tai-lieu/{doc:MT-02}/kiem-tra-toan-ven", DemoUsers.Secretary),
        new(Commune + "/tai-lieu/can-xac-nhan", DemoUsers.Staff),
        new(Commune + "/tai-lieu/he-thong-iso", DemoUsers.Secretary),
        new(Commune + "/tai-lieu/van-ban-phap-ly", DemoUsers.Secretary),
        new(Commune + "/tai-lieu/cai-dat", DemoUsers.CommuneAdmin),
        new(Commune + "/nhac-viec/cai-dat", DemoUsers.CommuneAdmin),
        new("/ky-anh/tai-lieu", DemoUsers.LotusSecretary),

        // "Việc của tôi": what waits for each member (Default and Lotus themes).
        new(Commune + "/viec-cua-toi", DemoUsers.Secretary),
        new(Commune + "/viec-cua-toi", DemoUsers.Approver),
        new(Commune + "/viec-cua-toi", DemoUsers.Staff),
        new("/ky-anh/viec-cua-toi", DemoUsers.LotusSecretary),

        // Procedure postings and citizens' feedback, members and roles.
        new(Commune + "/thu-tuc/quan-ly", DemoUsers.Secretary),
        new(Commune + "/thu-tuc/quan-ly/1.001193", DemoUsers.Secretary),
        new(Commune + "/thu-tuc/quan-ly/phan-anh", DemoUsers.Secretary),
        new(Commune + "/quan-tri/thanh-vien", DemoUsers.CommuneAdmin),
        new(Commune + "/thu-di", DemoUsers.CommuneAdmin),

        // Audit records (the demo's year 2026): programmes and audits, findings and corrective actions, province
        // inspections, quality objectives, management reviews; each by someone whose work it is.
        new(Commune + "/danh-gia", DemoUsers.InternalAuditor),
        new(Commune + "/danh-gia", DemoUsers.Staff),
        new(Commune + "/danh-gia/chuong-trinh", DemoUsers.Secretary),
        new(Commune + "/danh-gia/chuong-trinh/2026", DemoUsers.InternalAuditor),
        new(Commune + "/danh-gia/chuong-trinh/2026/ke-hoach", DemoUsers.InternalAuditor),
        new(Commune + "/danh-gia/cuoc-danh-gia/{audit:" + FirstAudit + "}", DemoUsers.InternalAuditor),
        new(Commune + "/danh-gia/cuoc-danh-gia/{audit:" + PlannedAudit + "}", DemoUsers.InternalAuditor),
        new(Commune + "/danh-gia/cuoc-danh-gia/{audit:" + FirstAudit + "}/in", DemoUsers.Secretary),
        new(Commune + "/danh-gia/cau-hoi", DemoUsers.InternalAuditor),
        new(Commune + "/danh-gia/phat-hien", DemoUsers.Secretary),
        new(Commune + "/danh-gia/phat-hien/moi", DemoUsers.InternalAuditor),
        new(Commune + "/danh-gia/phat-hien/{finding:PH-2026-001}", DemoUsers.Secretary),
        new(Commune + "/danh-gia/phat-hien/{finding:PH-2026-002}", DemoUsers.Secretary),
        new(Commune + "/danh-gia/phat-hien/{finding:PH-2026-005}", DemoUsers.Staff),
        new(Commune + "/danh-gia/khac-phuc", DemoUsers.Secretary),
        new(Commune + "/danh-gia/kiem-tra-cua-tinh", DemoUsers.ProvinceAuditor),
        new(Commune + "/danh-gia/kiem-tra-cua-tinh/moi", DemoUsers.ProvinceAuditor),
        new(Commune + "/danh-gia/kiem-tra-cua-tinh/{inspection:2026-10-16}", DemoUsers.Secretary),
        new(Commune + "/danh-gia/muc-tieu", DemoUsers.Secretary),
        new(Commune + "/danh-gia/muc-tieu/moi", DemoUsers.Secretary),
        new(Commune + "/danh-gia/muc-tieu/{objective:Tỷ lệ hồ sơ giải quyết đúng hạn}", DemoUsers.Secretary),
        new(Commune + "/danh-gia/muc-tieu/nhap-so-lieu", DemoUsers.Secretary),
        new(Commune + "/danh-gia/xem-xet-lanh-dao", DemoUsers.Approver),
        new(Commune + "/danh-gia/xem-xet-lanh-dao/moi", DemoUsers.Approver),
        new(Commune + "/danh-gia/xem-xet-lanh-dao/{review:2026-11-20}", DemoUsers.Approver),
        new(Commune + "/danh-gia/xem-xet-lanh-dao/{review:2026-11-20}/in", DemoUsers.Secretary),

        // The province auditor and the platform administrator.
        new("/tai-khoan", DemoUsers.ProvinceAuditor),
        new(Commune + "/quan-tri/thanh-vien", DemoUsers.ProvinceAuditor),
        new("/quan-tri/danh-muc-tthc", DemoUsers.ProvinceAuditor),
        new("/tinh/44/tim-kiem?q=khai+sinh", DemoUsers.ProvinceAuditor),
        new("/tinh/44/ke-hoach-kiem-tra?nam=2026", DemoUsers.ProvinceAuditor),
        new("/tinh/44/bao-cao-nam?nam=2026", DemoUsers.ProvinceAuditor),
        new("/tinh/44/bieu-do", DemoUsers.ProvinceAuditor),
        new("/tinh/44/bieu-do/tuyen-binh", DemoUsers.ProvinceAuditor),
        new("/tinh/tim-kiem", DemoUsers.PlatformAdmin),
        new("/tinh", DemoUsers.PlatformAdmin),
        new("/tinh/44", DemoUsers.ProvinceAuditor),
        new("/tinh/44/xep-hang", DemoUsers.ProvinceAuditor),
        new("/tinh/44/xep-hang/tuyen-binh", DemoUsers.ProvinceAuditor),
        new(Commune + "/xep-hang", DemoUsers.Secretary),
        new("/admin", DemoUsers.PlatformAdmin),
        new("/admin/xa/them", DemoUsers.PlatformAdmin),
        new("/admin/xa/tuyen-binh", DemoUsers.PlatformAdmin),
        new("/admin/thu-di", DemoUsers.PlatformAdmin),
        new("/admin/lich-lam-viec?nam=2026", DemoUsers.PlatformAdmin),
        new("/admin/nguoi-dung-tinh", DemoUsers.PlatformAdmin),

        // The province catalogue kept on the web by the province's editor (the starter TTHC are in Quảng Trị's catalogue).
        new("/quan-tri/danh-muc-tthc", DemoUsers.ProvinceEditor),
        new("/quan-tri/danh-muc-tthc/sua?province=44", DemoUsers.ProvinceEditor),
        new("/quan-tri/danh-muc-tthc/sua?province=44&code=1.001193", DemoUsers.ProvinceEditor),
    ];

    public static ListedPage Find(string key) => All.Single(p => p.ToString() == key);
}
