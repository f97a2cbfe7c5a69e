using Lucene.Net.Analysis;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using QmsPortal.Web.Search.Analysis;

namespace QmsPortal.Web.Search.Lucene;

/// <summary>
/// One analyzer for every text field, choosing its chain by the field name's suffix: folded syllables ("_f"),
/// accent-exact syllables ("_x"), folded syllable bigrams ("_bi", where two- to four-syllable words live) and edge
/// n-grams of folded syllables ("_pre", for the word being typed). The per-field reuse strategy matters: with the
/// default global strategy Lucene reuses the first field's chain for every field of a document.
/// </summary>
public sealed class VietnameseAnalyzer() : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    public const string Folded = "_f";
    public const string Exact = "_x";
    public const string Bigrams = "_bi";
    public const string Prefixes = "_pre";

    /// <summary>Joins a bigram's two folded syllables, as the query side writes them.</summary>
    public const string BigramSeparator = "_";

    public const int MinPrefix = 2;
    public const int MaxPrefix = 12;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var words = new WordTokenizer(reader);
        TokenStream chain = fieldName switch
        {
            _ when fieldName.EndsWith(Exact, StringComparison.Ordinal) => new SyllableFilter(words, VietnameseSyllables.Exact),
            _ when fieldName.EndsWith(Bigrams, StringComparison.Ordinal) => BigramsOf(new SyllableFilter(words, VietnameseSyllables.Fold)),
            _ when fieldName.EndsWith(Prefixes, StringComparison.Ordinal) =>
                new EdgeNGramTokenFilter(LuceneVersion.LUCENE_48, new SyllableFilter(words, VietnameseSyllables.Fold), MinPrefix, MaxPrefix),
            _ => new SyllableFilter(words, VietnameseSyllables.Fold),
        };
        return new TokenStreamComponents(words, chain);
    }

    private static ShingleFilter BigramsOf(TokenStream syllables)
    {
        var shingles = new ShingleFilter(syllables, 2, 2);
        shingles.SetOutputUnigrams(false);
        shingles.SetTokenSeparator(BigramSeparator);
        return shingles;
    }

    /// <summary>The words of the text (<see cref="VietnameseWords.Split"/>), with their offsets in the original.</summary>
    private sealed class WordTokenizer : Tokenizer
    {
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private string _text = "";
        private IEnumerator<(int Start, int Length)>? _words;
        private int _end;

        public WordTokenizer(TextReader input) : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            if (_words is null || !_words.MoveNext())
            {
                return false;
            }

            var (start, length) = _words.Current;
            _term.CopyBuffer(_text.AsSpan(start, length).ToArray(), 0, length);
            _offset.SetOffset(CorrectOffset(start), CorrectOffset(start + length));
            _end = start + length;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            // Indexed texts are one record's fields (kilobytes), so reading them whole keeps the word rules in one place.
            _text = m_input.ReadToEnd();
            _words = VietnameseWords.Split(_text).GetEnumerator();
            _end = 0;
        }

        public override void End()
        {
            base.End();
            var final = CorrectOffset(_text.Length);
            _offset.SetOffset(final, final);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _words?.Dispose();
                _words = null;
                _text = "";
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Replaces each word by its key (folded or accent-exact).</summary>
    private sealed class SyllableFilter : TokenFilter
    {
        private readonly ICharTermAttribute _term;
        private readonly Func<string, string> _key;

        public SyllableFilter(TokenStream input, Func<string, string> key) : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _key = key;
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            var key = _key(_term.ToString());
            _term.SetEmpty().Append(key);
            return true;
        }
    }
}
