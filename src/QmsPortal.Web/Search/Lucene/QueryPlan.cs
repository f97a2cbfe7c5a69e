using Lucene.Net.Index;
using Lucene.Net.Search;
using QmsPortal.Web.Search.Analysis;
using QmsPortal.Web.Text;
using static QmsPortal.Web.Search.Lucene.IndexGeneration;

namespace QmsPortal.Web.Search.Lucene;

/// <summary>
/// What a person typed, read the way Vietnamese is typed: words folded and accent-exact, Telex/VNI leftovers
/// decoded, syllables typed together split, everyday phrases mapped to official ones, codes and legal numbers
/// taken whole, and the last word taken as a prefix while it is being typed. Built into a Lucene query by code,
/// never parsed, so query syntax characters are just punctuation.
/// </summary>
public sealed class QueryPlan
{
    private const float TitleWeight = 4f;
    private const float CodeWeight = 3f;
    private const float PapersWeight = 2f;
    private const float BodyWeight = 1f;

    /// <summary>Accent-exact matches rank above folded ones by this share of a word's weight.</summary>
    private const float ExactBonus = 0.5f;

    private const int MaxWords = 24;

    /// <summary>One typed word and the folded forms it may stand for.</summary>
    private sealed record Word(string Typed, string Folded, string? Exact, IReadOnlyList<string[]> Alternatives, bool Optional);

    private readonly List<Word> _words;
    private readonly List<string> _codes;
    private readonly IReadOnlyList<string[]> _synonymReadings;
    private readonly bool _lastIsPrefix;

    private QueryPlan(List<Word> words, List<string> codes, IReadOnlyList<string[]> synonymReadings, bool lastIsPrefix)
    {
        _words = words;
        _codes = codes;
        _synonymReadings = synonymReadings;
        _lastIsPrefix = lastIsPrefix;
    }

    public bool IsEmpty => _words.Count == 0 && _codes.Count == 0;

    /// <summary>Every folded form the query may have matched, for marking snippets.</summary>
    public IReadOnlySet<string> Terms =>
        _words.SelectMany(w => w.Alternatives.SelectMany(a => a).Prepend(w.Folded))
            .Concat(_synonymReadings.SelectMany(r => r)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The word being typed, when it may be a prefix.</summary>
    public IReadOnlySet<string> Prefixes =>
        _lastIsPrefix && _words.Count > 0 && _words[^1].Folded.Length >= VietnameseAnalyzer.MinPrefix
            ? new HashSet<string>(StringComparer.Ordinal) { _words[^1].Folded }
            : new HashSet<string>(StringComparer.Ordinal);

    public static QueryPlan Parse(string text, IReadOnlyList<SearchSynonyms.Rule> synonyms, IndexReader reader)
    {
        var nfc = VietnameseText.Normalize(text);
        var codes = new List<string>();
        var words = new List<Word>();
        var chunks = nfc.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        foreach (var chunk in chunks)
        {
            if (IsCode(chunk))
            {
                codes.Add(CodeKey(chunk.Trim('.', ',', ';', '(', ')', '"', '\'')));
                continue;
            }

            foreach (var (start, length) in VietnameseWords.Split(chunk))
            {
                if (words.Count == MaxWords)
                {
                    break;
                }

                words.Add(ReadWord(chunk.Substring(start, length), reader));
            }
        }

        // The word being typed: the query does not end with a space and its last piece is a word, not a code.
        var lastIsPrefix = words.Count > 0 && !char.IsWhiteSpace(nfc[^1]) && !IsCode(chunks[^1]);
        if (words.Count > 0 && words.All(w => w.Optional))
        {
            // "giấy tờ gì" is all filler words: then they are what the person is looking for.
            words = words.Select(w => w with { Optional = false }).ToList();
        }

        return new QueryPlan(words, codes, SynonymReadings(words, synonyms), lastIsPrefix);
    }

    /// <summary>A copy with words replaced (one-edit corrections).</summary>
    public QueryPlan WithCorrections(IReadOnlyDictionary<int, string> corrections) =>
        new(_words.Select((w, i) => corrections.TryGetValue(i, out var folded)
                ? w with { Typed = folded, Folded = folded, Exact = null, Alternatives = [] }
                : w).ToList(),
            _codes, _synonymReadings, _lastIsPrefix);

    /// <summary>The query text with corrections, as shown in "Có phải bạn muốn tìm …".</summary>
    public string Text => string.Join(' ', _words.Select(w => w.Typed));

    /// <summary>Indexes of words long enough for a one-edit correction that match nothing as typed.</summary>
    public IEnumerable<(int Index, string Folded)> UnknownWords(IndexReader reader) =>
        _words.Select((w, i) => (Index: i, Word: w))
            .Where(x => x.Word.Folded.Length >= 4 && x.Word.Alternatives.Count == 0 && !Occurs(reader, x.Word.Folded)
                && !(_lastIsPrefix && x.Index == _words.Count - 1 && reader.DocFreq(new Term(Title + VietnameseAnalyzer.Prefixes, x.Word.Folded)) > 0))
            .Select(x => (x.Index, x.Word.Folded));

    public Query Build()
    {
        var query = new BooleanQuery(disableCoord: true);
        if (_codes.Count > 0)
        {
            var codes = new BooleanQuery();
            foreach (var code in _codes)
            {
                codes.Add(new TermQuery(new Term(CodeField, code)) { Boost = CodeWeight * 4 }, Occur.SHOULD);
            }

            query.Add(codes, Occur.SHOULD);
        }

        if (_words.Count > 0)
        {
            var readings = new BooleanQuery(disableCoord: true);
            readings.Add(Core(_words), Occur.SHOULD);
            foreach (var reading in _synonymReadings)
            {
                // The official words are a procedure's name: all of them, not most.
                var core = Core(reading.Select(f => new Word(f, f, null, [], false)).ToList(), requireAll: true);
                core.Boost = 0.9f;
                readings.Add(core, Occur.SHOULD);
            }

            query.Add(readings, Occur.SHOULD);
        }

        query.MinimumNumberShouldMatch = 1;
        return query;
    }

    /// <summary>
    /// Words that do not match as typed, tried once more as any of their forms: the loosest reading, for "closest
    /// procedures" when nothing matched.
    /// </summary>
    public Query BuildLoose()
    {
        var query = new BooleanQuery(disableCoord: false);
        foreach (var word in _words.Where(w => !w.Optional))
        {
            query.Add(WordClause(word, isLast: false), Occur.SHOULD);
            if (word.Folded.Length >= 4)
            {
                query.Add(new FuzzyQuery(new Term(Title + VietnameseAnalyzer.Folded, word.Folded), 1, 1) { Boost = 0.5f }, Occur.SHOULD);
            }
        }

        return query;
    }

    private BooleanQuery Core(IReadOnlyList<Word> words, bool requireAll = false)
    {
        // Coordination on: an entry holding every word ranks above one missing a word.
        var required = new BooleanQuery(disableCoord: false);
        var requiredCount = 0;
        var core = new BooleanQuery(disableCoord: true);
        for (var i = 0; i < words.Count; i++)
        {
            var clause = WordClause(words[i], isLast: i == words.Count - 1 && _lastIsPrefix);
            if (words[i].Optional)
            {
                core.Add(clause, Occur.SHOULD);
            }
            else
            {
                required.Add(clause, Occur.SHOULD);
                requiredCount++;
            }
        }

        // Two words need both; three or four all but one ("người khuyết tật" finds the procedure named "khuyết tật"),
        // longer ones (a citizen's question) seven in ten.
        required.MinimumNumberShouldMatch = requireAll || requiredCount <= 2 ? requiredCount
            : requiredCount <= 4 ? requiredCount - 1
            : (int)Math.Ceiling(requiredCount * 0.7);
        core.Add(required, Occur.MUST);
        for (var i = 0; i + 1 < words.Count; i++)
        {
            core.Add(Adjacent(words[i].Folded, words[i + 1].Folded), Occur.SHOULD);
        }

        return core;
    }

    /// <summary>Two words next to each other in a field, as in the query: where Vietnamese words of two syllables live.</summary>
    private static DisjunctionMaxQuery Adjacent(string first, string second)
    {
        var bigram = first + VietnameseAnalyzer.BigramSeparator + second;
        var adjacent = new DisjunctionMaxQuery(0.1f)
        {
            new TermQuery(new Term(Title + VietnameseAnalyzer.Bigrams, bigram)) { Boost = TitleWeight * 0.75f },
            new TermQuery(new Term(Papers + VietnameseAnalyzer.Bigrams, bigram)) { Boost = PapersWeight * 0.75f },
            new TermQuery(new Term(Body + VietnameseAnalyzer.Bigrams, bigram)) { Boost = BodyWeight * 0.75f },
        };
        return adjacent;
    }

    private static BooleanQuery WordClause(Word word, bool isLast)
    {
        var clause = new BooleanQuery(disableCoord: true);
        clause.Add(Fields(word.Folded, VietnameseAnalyzer.Folded, 1f), Occur.SHOULD);
        if (word.Exact is not null)
        {
            clause.Add(Fields(word.Exact, VietnameseAnalyzer.Exact, ExactBonus), Occur.SHOULD);
        }

        foreach (var alternative in word.Alternatives)
        {
            if (alternative.Length == 1)
            {
                clause.Add(Fields(alternative[0], VietnameseAnalyzer.Folded, 0.9f), Occur.SHOULD);
                continue;
            }

            // Syllables typed together ("khaisinh"): all of them, next to each other counting more.
            var parts = new BooleanQuery(disableCoord: true);
            foreach (var part in alternative)
            {
                parts.Add(Fields(part, VietnameseAnalyzer.Folded, 0.9f), Occur.MUST);
            }

            for (var i = 0; i + 1 < alternative.Length; i++)
            {
                parts.Add(Adjacent(alternative[i], alternative[i + 1]), Occur.SHOULD);
            }

            clause.Add(parts, Occur.SHOULD);
        }

        if (isLast && word.Folded.Length >= VietnameseAnalyzer.MinPrefix)
        {
            var prefix = word.Folded.Length > VietnameseAnalyzer.MaxPrefix ? word.Folded[..VietnameseAnalyzer.MaxPrefix] : word.Folded;
            clause.Add(new TermQuery(new Term(Title + VietnameseAnalyzer.Prefixes, prefix)) { Boost = TitleWeight * 0.5f }, Occur.SHOULD);
        }

        return clause;
    }

    private static DisjunctionMaxQuery Fields(string term, string suffix, float weight) => new(0.1f)
    {
        new TermQuery(new Term(Title + suffix, term)) { Boost = TitleWeight * weight },
        new TermQuery(new Term(Papers + suffix, term)) { Boost = PapersWeight * weight },
        new TermQuery(new Term(Body + suffix, term)) { Boost = BodyWeight * weight },
    };

    private static Word ReadWord(string typed, IndexReader reader)
    {
        var folded = VietnameseSyllables.Fold(typed);
        var exact = VietnameseSyllables.Exact(typed);
        var alternatives = new List<string[]>();
        if (VietnameseSyllables.DecodeTyping(typed) is { } decoded)
        {
            var decodedFolded = VietnameseSyllables.Fold(decoded);
            if (decodedFolded != folded && Occurs(reader, decodedFolded))
            {
                alternatives.Add([decodedFolded]);
            }
        }

        // Split parts are as typed ("dang", "ky"); the index holds them folded with the i/y rule ("ki").
        if (!Occurs(reader, folded) && VietnameseSyllables.SplitRunTogether(folded) is { Count: > 1 } split
            && split.Select(VietnameseSyllables.Fold).ToArray() is var parts && parts.All(p => Occurs(reader, p)))
        {
            alternatives.Add(parts);
        }

        // The accent-exact clause only helps when the person typed accents.
        var typedAccents = exact != folded;
        return new Word(typed, folded, typedAccents ? exact : null, alternatives, VietnameseQuestionWords.Folded.Contains(folded));
    }

    private static bool Occurs(IndexReader reader, string folded) =>
        reader.DocFreq(new Term(Title + VietnameseAnalyzer.Folded, folded)) > 0
        || reader.DocFreq(new Term(Papers + VietnameseAnalyzer.Folded, folded)) > 0
        || reader.DocFreq(new Term(Body + VietnameseAnalyzer.Folded, folded)) > 0;

    /// <summary>A code or legal number: digits with dots, slashes or dashes ("1.001193", "61/2018/NĐ-CP").</summary>
    private static bool IsCode(string chunk) =>
        chunk.Any(char.IsDigit) && chunk.Trim('.', ',', ';').Any(c => c is '.' or '/' or '-') && chunk.Length <= 40;

    /// <summary>The query read with each everyday phrase it holds replaced by the official words.</summary>
    private static List<string[]> SynonymReadings(IReadOnlyList<Word> words, IReadOnlyList<SearchSynonyms.Rule> rules)
    {
        var folded = words.Select(w => w.Alternatives.FirstOrDefault(a => a.Length == 1)?[0] ?? w.Folded).ToArray();
        var readings = new List<string[]>();
        foreach (var rule in rules)
        {
            for (var i = 0; i + rule.Everyday.Length <= folded.Length; i++)
            {
                if (folded.AsSpan(i, rule.Everyday.Length).SequenceEqual(rule.Everyday))
                {
                    readings.Add([.. folded[..i], .. rule.Official, .. folded[(i + rule.Everyday.Length)..]]);
                    break;
                }
            }

            if (readings.Count == 4)
            {
                break;
            }
        }

        return readings;
    }
}
