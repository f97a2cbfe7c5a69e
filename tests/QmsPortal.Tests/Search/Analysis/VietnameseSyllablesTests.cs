using System.Text;
using QmsPortal.Web.Search.Analysis;

namespace QmsPortal.Tests.Search.Analysis;

public sealed class VietnameseSyllablesTests
{
    [Theory]
    [InlineData("Đăng", "dang")]
    [InlineData("ĐĂNG", "dang")]
    [InlineData("chứng", "chung")]
    [InlineData("thực", "thuc")]
    [InlineData("Nguyễn", "nguyen")]
    [InlineData("giường", "giuong")]
    [InlineData("ngoằn", "ngoan")]
    [InlineData("ngoèo", "ngoeo")]
    [InlineData("khuyến", "khuyen")]
    [InlineData("thuyền", "thuyen")]
    [InlineData("hộ", "ho")]
    [InlineData("2018", "2018")]
    [InlineData("email", "email")]
    [InlineData("Email", "email")]
    [InlineData("NĐ", "nd")]
    [InlineData("CP", "cp")]
    [InlineData("001193", "001193")]
    public void Fold_lowers_and_strips_every_mark(string word, string expected) =>
        Assert.Equal(expected, VietnameseSyllables.Fold(word));

    [Theory]
    [InlineData("ký", "ki")]
    [InlineData("kí", "ki")]
    [InlineData("Kỳ", "ki")]
    [InlineData("kì", "ki")]
    [InlineData("lý", "li")]
    [InlineData("mỹ", "mi")]
    [InlineData("quý", "qui")]
    [InlineData("quí", "qui")]
    [InlineData("hy", "hi")]
    [InlineData("sỹ", "si")]
    [InlineData("tỷ", "ti")]
    [InlineData("ky", "ki")]
    [InlineData("Lý", "li")]
    public void Fold_writes_a_lone_final_y_after_a_consonant_as_i(string word, string expected) =>
        Assert.Equal(expected, VietnameseSyllables.Fold(word));

    [Theory]
    [InlineData("thủy", "thuy")]
    [InlineData("thuỷ", "thuy")]
    [InlineData("tuy", "tuy")]
    [InlineData("huy", "huy")]
    [InlineData("y", "y")]
    [InlineData("ý", "y")]
    [InlineData("yên", "yen")]
    [InlineData("uy", "uy")]
    [InlineData("khuya", "khuya")]
    [InlineData("thuyền", "thuyen")]
    [InlineData("Nguyễn", "nguyen")]
    [InlineData("xây", "xay")]
    [InlineData("giấy", "giay")]
    [InlineData("tay", "tay")]
    public void Fold_keeps_y_that_follows_another_vowel_or_stands_alone(string word, string expected) =>
        Assert.Equal(expected, VietnameseSyllables.Fold(word));

    [Theory]
    [InlineData("Đăng")]
    [InlineData("Nguyễn")]
    [InlineData("Thủy")]
    [InlineData("ký")]
    [InlineData("giường")]
    public void Fold_gives_the_same_for_decomposed_input(string word) =>
        Assert.Equal(VietnameseSyllables.Fold(word), VietnameseSyllables.Fold(word.Normalize(NormalizationForm.FormD)));

    [Fact]
    public void Fold_returns_the_same_string_when_nothing_changes()
    {
        var word = "khai";
        Assert.Same(word, VietnameseSyllables.Fold(word));
    }

    [Theory]
    [InlineData("hóa", "hoa1")]
    [InlineData("hoá", "hoa1")]
    [InlineData("Hóa", "hoa1")]
    [InlineData("thủy", "thuy3")]
    [InlineData("thuỷ", "thuy3")]
    [InlineData("Thúy", "thuy1")]
    [InlineData("Thuý", "thuy1")]
    [InlineData("òa", "oa2")]
    [InlineData("oà", "oa2")]
    [InlineData("úy", "uy1")]
    [InlineData("uý", "uy1")]
    [InlineData("kí", "ki1")]
    [InlineData("ký", "ki1")]
    [InlineData("Kỳ", "ki2")]
    [InlineData("quý", "qui1")]
    [InlineData("đăng", "đăng")]
    [InlineData("Đăng", "đăng")]
    [InlineData("dang", "dang")]
    [InlineData("hoa", "hoa")]
    [InlineData("chứng", "chưng1")]
    [InlineData("thực", "thưc5")]
    [InlineData("Nguyễn", "nguyên4")]
    [InlineData("giường", "giương2")]
    [InlineData("ngoằn", "ngoăn2")]
    [InlineData("2018", "2018")]
    [InlineData("email", "email")]
    public void Exact_keeps_shapes_and_moves_the_tone_to_a_digit(string word, string expected) =>
        Assert.Equal(expected, VietnameseSyllables.Exact(word));

    [Theory]
    [InlineData("hoá", "hóa")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("oà", "òa")]
    [InlineData("uý", "úy")]
    [InlineData("Thuý", "Thúy")]
    [InlineData("kí", "ký")]
    [InlineData("Kì", "Kỳ")]
    [InlineData("Nguyễn", "NGUYỄN")]
    public void Exact_gives_one_key_to_both_spellings(string one, string other) =>
        Assert.Equal(VietnameseSyllables.Exact(one), VietnameseSyllables.Exact(other));

    [Theory]
    [InlineData("đăng", "dang")]
    [InlineData("hoa", "hóa")]
    [InlineData("hóa", "hòa")]
    [InlineData("thư", "thu")]
    [InlineData("ăn", "ân")]
    [InlineData("sơn", "sôn")]
    public void Exact_tells_shapes_and_tones_apart(string one, string other) =>
        Assert.NotEqual(VietnameseSyllables.Exact(one), VietnameseSyllables.Exact(other));

    [Fact]
    public void Exact_gives_the_same_for_decomposed_input() =>
        Assert.Equal("nguyên4", VietnameseSyllables.Exact("Nguyễn".Normalize(NormalizationForm.FormD)));

    // The syllables of real procedure names and of words that test the edges of the model.
    [Theory]
    [InlineData("Đăng ký khai sinh")]
    [InlineData("Chứng thực bản sao từ bản chính")]
    [InlineData("Xác nhận tình trạng hôn nhân")]
    [InlineData("Đăng ký thường trú")]
    [InlineData("Cấp giấy phép xây dựng")]
    [InlineData("Khai tử")]
    [InlineData("Thủ tục hành chính")]
    [InlineData("quyết định nghị định nguyễn khuyến giường ngoằn ngoèo")]
    [InlineData("Đăng ký kết hôn có yếu tố nước ngoài")]
    [InlineData("Cấp bản sao trích lục hộ tịch")]
    [InlineData("Thay đổi cải chính bổ sung thông tin hộ tịch")]
    [InlineData("Chứng thực chữ ký trong các giấy tờ văn bản")]
    [InlineData("Giải quyết khiếu nại lần đầu")]
    [InlineData("Hỗ trợ người có công với cách mạng")]
    [InlineData("Cấp giấy chứng nhận quyền sử dụng đất")]
    [InlineData("Đăng ký giám hộ nhận cha mẹ con")]
    [InlineData("thuở khuya khuỷu huỳnh uống rượu người muối xoong quốc quá gì gìn giữ giếng nghiêng")]
    [InlineData("xuân thuật khuây huệ oai hoặc xoăn loét yêu yên tiếng kiểm quyền tuyết mưa")]
    [InlineData("ý y ở ăn anh em ông ai ước uy")]
    [InlineData("quýt quỳnh quý quả quê quốc quyển quạt")]
    public void IsSyllable_accepts_every_syllable_of_real_text(string text)
    {
        foreach (var word in text.Split(' '))
        {
            Assert.True(VietnameseSyllables.IsSyllable(VietnameseSyllables.Fold(word)), word);
        }
    }

    [Theory]
    [InlineData("email")]
    [InlineData("ddawng")]
    [InlineData("chuwngs")]
    [InlineData("xyz")]
    [InlineData("kys")]
    [InlineData("as")]
    [InlineData("hello")]
    [InlineData("word")]
    [InlineData("street")]
    [InlineData("khaisinh")]
    [InlineData("ka")]
    [InlineData("ci")]
    [InlineData("nge")]
    [InlineData("gha")]
    [InlineData("quu")]
    [InlineData("tynh")]
    [InlineData("ynh")]
    [InlineData("kyt")]
    [InlineData("nuo")]
    [InlineData("bl")]
    [InlineData("f")]
    [InlineData("")]
    [InlineData("2018")]
    [InlineData("Đăng")]
    public void IsSyllable_rejects_english_and_keyboard_noise(string word) =>
        Assert.False(VietnameseSyllables.IsSyllable(word));

    [Theory]
    [InlineData("kys", "ký")]
    [InlineData("KYS", "ký")]
    [InlineData("ddawng", "đăng")]
    [InlineData("chuwngs", "chứng")]
    [InlineData("thuwcj", "thực")]
    [InlineData("nhaapj", "nhập")]
    [InlineData("hooj", "hộ")]
    [InlineData("hoongf", "hồng")]
    [InlineData("tinhf", "tình")]
    [InlineData("trus", "trú")]
    [InlineData("truws", "trứ")]
    [InlineData("as", "á")]
    [InlineData("hoas", "hóa")]
    [InlineData("thuyr", "thủy")]
    [InlineData("quys", "quý")]
    [InlineData("nguyeenx", "nguyễn")]
    [InlineData("khuyeens", "khuyến")]
    [InlineData("giuwowngf", "giường")]
    [InlineData("truowngf", "trường")]
    [InlineData("truongwf", "trường")]
    [InlineData("thuowr", "thuở")]
    [InlineData("ngoawnf", "ngoằn")]
    [InlineData("ngoeof", "ngoèo")]
    [InlineData("quyeets", "quyết")]
    [InlineData("ddinhj", "định")]
    [InlineData("nghij", "nghị")]
    [InlineData("xaacs", "xấc")]
    [InlineData("tuwf", "từ")]
    [InlineData("w", "ư")]
    [InlineData("nhwng", "nhưng")]
    [InlineData("mwa", "mưa")]
    [InlineData("nguowif", "người")]
    [InlineData("khais", "khái")]
    [InlineData("quyts", "quýt")]
    [InlineData("quynhf", "quỳnh")]
    [InlineData("ddaay", "đây")]
    public void DecodeTyping_reads_telex(string typed, string expected) =>
        Assert.Equal(expected, VietnameseSyllables.DecodeTyping(typed));

    [Theory]
    [InlineData("d9a8ng", "đăng")]
    [InlineData("ky1", "ký")]
    [InlineData("chu7ng1", "chứng")]
    [InlineData("thu7c5", "thực")]
    [InlineData("nha6p5", "nhập")]
    [InlineData("tinh2", "tình")]
    [InlineData("truo7ng2", "trường")]
    [InlineData("truong72", "trường")]
    [InlineData("nguye6n4", "nguyễn")]
    [InlineData("hoa1", "hóa")]
    [InlineData("d9inh5", "định")]
    [InlineData("a1", "á")]
    [InlineData("Vie65t", "việt")]
    public void DecodeTyping_reads_vni(string typed, string expected) =>
        Assert.Equal(expected, VietnameseSyllables.DecodeTyping(typed));

    // Real words typed without accents must not be taken for Telex, and noise must not become a syllable.
    [Theory]
    [InlineData("sinh")]
    [InlineData("khai")]
    [InlineData("xa")]
    [InlineData("tinh")]
    [InlineData("sao")]
    [InlineData("ban")]
    [InlineData("chinh")]
    [InlineData("xac")]
    [InlineData("nhan")]
    [InlineData("hon")]
    [InlineData("thuong")]
    [InlineData("tru")]
    [InlineData("cap")]
    [InlineData("giay")]
    [InlineData("phep")]
    [InlineData("xay")]
    [InlineData("dung")]
    [InlineData("tu")]
    [InlineData("thu")]
    [InlineData("tuc")]
    [InlineData("hanh")]
    [InlineData("quyet")]
    [InlineData("dinh")]
    [InlineData("nghi")]
    [InlineData("nguyen")]
    [InlineData("khuyen")]
    [InlineData("xin")]
    [InlineData("rau")]
    [InlineData("ky")]
    [InlineData("email")]
    [InlineData("2018")]
    [InlineData("khaai")]
    [InlineData("thuwcf")]
    [InlineData("kyss")]
    [InlineData("fax")]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("đăng")]
    [InlineData("covid19")]
    public void DecodeTyping_leaves_plain_words_and_noise_alone(string typed) =>
        Assert.Null(VietnameseSyllables.DecodeTyping(typed));

    [Theory]
    [InlineData("khaisinh", "khai", "sinh")]
    [InlineData("dangky", "dang", "ky")]
    [InlineData("chungthuc", "chung", "thuc")]
    [InlineData("hokhau", "ho", "khau")]
    [InlineData("thuongtru", "thuong", "tru")]
    [InlineData("kethon", "ket", "hon")]
    [InlineData("anhem", "anh", "em")]
    [InlineData("nghiengnguyen", "nghieng", "nguyen")]
    [InlineData("thutuc", "thu", "tuc")]
    [InlineData("congan", "cong", "an")]
    [InlineData("nuocuong", "nuoc", "uong")]
    public void SplitRunTogether_cuts_two_syllables(string folded, string first, string second) =>
        Assert.Equal([first, second], VietnameseSyllables.SplitRunTogether(folded));

    [Fact]
    public void SplitRunTogether_cuts_up_to_four_syllables()
    {
        Assert.Equal(["dang", "ky", "khai", "sinh"], VietnameseSyllables.SplitRunTogether("dangkykhaisinh"));
        Assert.Equal(["giay", "khai", "sinh"], VietnameseSyllables.SplitRunTogether("giaykhaisinh"));
        Assert.Equal(["thu", "tuc", "hanh", "chinh"], VietnameseSyllables.SplitRunTogether("thutuchanhchinh"));
        Assert.Equal(["chung", "thuc", "ban", "sao"], VietnameseSyllables.SplitRunTogether("chungthucbansao"));
        Assert.Null(VietnameseSyllables.SplitRunTogether("dangkykhaisinhcon"));
    }

    [Theory]
    [InlineData("nghieng")]
    [InlineData("khuyen")]
    [InlineData("sinh")]
    [InlineData("email")]
    [InlineData("xyz")]
    [InlineData("dangkyz")]
    [InlineData("khai2018")]
    [InlineData("")]
    [InlineData("a")]
    public void SplitRunTogether_gives_null_for_one_syllable_or_no_split(string folded) =>
        Assert.Null(VietnameseSyllables.SplitRunTogether(folded));
}
