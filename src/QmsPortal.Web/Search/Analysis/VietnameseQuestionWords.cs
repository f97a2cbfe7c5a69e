using System.Collections.Frozen;

namespace QmsPortal.Web.Search.Analysis;

/// <summary>
/// Folded words citizens wrap around what they look for when they type a question ("tôi muốn làm giấy khai sinh thì
/// cần những giấy tờ gì") and that a procedure's text need not contain. A query treats them as optional, never as
/// removed: several also occur in names ("giấy" in "giấy phép", "thủ tục", "có yếu tố nước ngoài", "căn cước", which
/// folds like "cần"), and there they still add to the score. Left out on purpose although they are question words:
/// "sao" (làm sao / bản sao), "ban" (bạn / bản), "minh" (mình / chứng minh), "ho" and "so" (hồ sơ / hộ tịch, số),
/// "dan" (hướng dẫn / công dân), "vay" (vậy / vay vốn), "chi" and "anh" and "em" (chị, anh / chi trả, trẻ em), "ngay"
/// (ngày sinh), "nop" (nộp: a real step of a procedure) — making those optional would blur the words people search by.
/// </summary>
public static class VietnameseQuestionWords
{
    public static IReadOnlySet<string> Folded { get; } = new[]
    {
        // Who asks and how politely: tôi, xin, hỏi, ạ, ơi, nhé, với, cho.
        "toi", "xin", "hoi", "a", "oi", "nhe", "voi", "cho",

        // What they want and need: muốn, cần, phải, được, có, không, làm, thì, là, để, và, nếu, khi.
        "muon", "can", "phai", "duoc", "co", "khong", "lam", "thi", "la", "de", "va", "neu", "khi",

        // Question words: gì, nào, thế nào, như, cách, ở đâu, ai, bao nhiêu, bao lâu, hết, mất, tiền, gồm, những, các.
        "gi", "nao", "the", "nhu", "cach", "o", "dau", "ai", "bao", "nhieu", "lau", "het", "mat", "tien", "gom", "nhung",
        "cac",

        // The generic nouns of a question: thủ tục, giấy tờ.
        "thu", "tuc", "giay", "to",
    }.ToFrozenSet(StringComparer.Ordinal);
}
