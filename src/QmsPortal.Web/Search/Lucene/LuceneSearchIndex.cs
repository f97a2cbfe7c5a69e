using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using QmsPortal.Web.Search.Analysis;
using QmsPortal.Web.Text;
using static QmsPortal.Web.Search.Lucene.IndexGeneration;

namespace QmsPortal.Web.Search.Lucene;

/// <summary>
/// The one index of this process (all communes, commune and province as filter terms), searched through the
/// generation the indexer last made current. Swapping generations (a rebuild) never interrupts searches.
/// </summary>
public sealed class LuceneSearchIndex(IEnumerable<ISearchSource> sources, SearchSynonyms synonyms, ILogger<LuceneSearchIndex> logger) : ISearchIndex
{
    private const int MaxResults = 1000;
    private const int SuggestionCount = 5;

    private readonly Dictionary<string, string> _kindNames = sources.ToDictionary(s => s.Kind, s => s.KindName, StringComparer.Ordinal);
    private volatile IndexGeneration? _current;
    private volatile bool _ready;

    public bool IsReady => _ready;

    /// <summary>The generation searches use; set by the indexer.</summary>
    public IndexGeneration? Current => _current;

    public IReadOnlyCollection<string> Kinds => _kindNames.Keys;

    /// <summary>Makes a generation the one searched (the indexer; the benchmark on an index it built itself).</summary>
    public void Serve(IndexGeneration generation, bool ready)
    {
        _current = generation;
        _ready = ready;
    }

    public void MarkReady() => _ready = true;

    public SearchResults Search(SearchRequest request)
    {
        var text = VietnameseText.Normalize(request.Text).Trim();
        if (text.Length > SearchRequest.MaxTextLength)
        {
            text = text[..SearchRequest.MaxTextLength];
        }

        if (text.Length == 0 || _current is not { } generation)
        {
            return SearchResults.Empty with { Query = text };
        }

        var searcher = generation.Searchers.Acquire();
        try
        {
            return Search(searcher, text, request);
        }
        catch (Exception e) when (e is BooleanQuery.TooManyClausesException)
        {
            // A query text that expands past Lucene's clause limit finds nothing rather than failing the page.
            logger.LogInformation("Query too wide: {Length} characters", text.Length);
            return SearchResults.Empty with { Query = text };
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    private SearchResults Search(IndexSearcher searcher, string text, SearchRequest request)
    {
        var plan = QueryPlan.Parse(text, synonyms.For(request.Scope.TenantId, request.Scope.ProvinceCode), searcher.IndexReader);
        if (plan.IsEmpty)
        {
            return SearchResults.Empty with { Query = text };
        }

        var page = Math.Max(1, request.Page);
        var size = Math.Clamp(request.PageSize, 1, 100);
        var filter = Filter(request.Scope, request.Kind);
        var top = searcher.Search(Filtered(plan.Build(), filter), Math.Min(MaxResults, page * size));
        string? didYouMean = null;
        if (top.TotalHits == 0)
        {
            var corrections = Corrections(searcher.IndexReader, plan);
            if (corrections.Count > 0)
            {
                plan = plan.WithCorrections(corrections);
                didYouMean = plan.Text;
                top = searcher.Search(Filtered(plan.Build(), filter), Math.Min(MaxResults, page * size));
            }
        }

        var hits = top.ScoreDocs.Skip((page - 1) * size).Select(d => Hit(searcher, d, plan)).ToList();
        var results = new SearchResults(hits, top.TotalHits, text) { DidYouMean = top.TotalHits > 0 ? didYouMean : null };
        if (top.TotalHits == 0)
        {
            // Nothing even after correction: the procedures nearest to any word, so the person has somewhere to go.
            var closest = searcher.Search(Filtered(plan.BuildLoose(), Filter(request.Scope, "thu-tuc")), SuggestionCount);
            results = results with { Suggestions = closest.ScoreDocs.Select(d => Hit(searcher, d, plan)).ToList() };
        }

        return results;
    }

    /// <summary>One edit on each longer word that matches nothing, to the most frequent indexed word that close ("sihn" → "sinh").</summary>
    private static Dictionary<int, string> Corrections(IndexReader reader, QueryPlan plan)
    {
        var corrections = new Dictionary<int, string>();
        foreach (var (index, folded) in plan.UnknownWords(reader))
        {
            string? best = null;
            var bestFrequency = 0;
            foreach (var field in new[] { Title, Papers, Body })
            {
                var fuzzy = new FuzzyQuery(new Term(field + VietnameseAnalyzer.Folded, folded), 1, 1, 50, true);
                foreach (var term in Expansions(fuzzy.Rewrite(reader)))
                {
                    var frequency = reader.DocFreq(new Term(Title + VietnameseAnalyzer.Folded, term.Text))
                        + reader.DocFreq(new Term(Body + VietnameseAnalyzer.Folded, term.Text));
                    if (frequency > bestFrequency)
                    {
                        (best, bestFrequency) = (term.Text, frequency);
                    }
                }
            }

            if (best is not null)
            {
                corrections[index] = best;
            }
        }

        return corrections;
    }

    private static IEnumerable<Term> Expansions(Query rewritten) => rewritten switch
    {
        TermQuery term => [term.Term],
        BooleanQuery boolean => boolean.Clauses.SelectMany(c => Expansions(c.Query)),
        ConstantScoreQuery { Query: { } inner } => Expansions(inner),
        _ => [],
    };

    private static BooleanQuery Filtered(Query query, Query filter) => new BooleanQuery
    {
        { query, Occur.MUST },
        { new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST },
    };

    /// <summary>The scope as filter terms: whatever the query says, nothing outside them can match.</summary>
    private static BooleanQuery Filter(SearchScope scope, string? kind)
    {
        var filter = new BooleanQuery();
        if (scope.TenantId is { } tenantId)
        {
            filter.Add(new TermQuery(new Term(Commune, tenantId.ToString(CultureInfo.InvariantCulture))), Occur.MUST);
        }

        if (scope.ProvinceCode is { } province)
        {
            filter.Add(new TermQuery(new Term(Province, province)), Occur.MUST);
        }

        if (scope.TenantId is null && scope.ProvinceCode is null)
        {
            throw new ArgumentException("A search scope names a commune or a province.", nameof(scope));
        }

        var audiences = new BooleanQuery();
        foreach (var audience in scope.Audiences)
        {
            audiences.Add(new TermQuery(new Term(Audience, AudienceTerm(audience))), Occur.SHOULD);
        }

        filter.Add(audiences, Occur.MUST);
        if (scope.ReadsInternal)
        {
            filter.Add(new TermQuery(new Term(Twin, "1")), Occur.MUST_NOT);
        }

        if (kind is not null)
        {
            filter.Add(new TermQuery(new Term(KindField, kind)), Occur.MUST);
        }

        return filter;
    }

    /// <summary>
    /// The part of a long text a snippet is looked for in: folding every word of a long document for each of twenty
    /// hits was most of a query's time (benchmark), and what a citizen needs is near the start.
    /// </summary>
    private static string Head(string? text) =>
        text is null ? "" : text.Length <= SnippetScope ? text : text[..(char.IsHighSurrogate(text[SnippetScope - 1]) ? SnippetScope - 1 : SnippetScope)];

    private const int SnippetScope = 4000;

    private SearchHit Hit(IndexSearcher searcher, ScoreDoc scoreDoc, QueryPlan plan)
    {
        var document = searcher.Doc(scoreDoc.Doc);
        var kind = document.Get(KindField);
        var title = document.Get(Title) ?? "";
        var terms = plan.Terms;
        var prefixes = plan.Prefixes;
        var papers = SearchSnippets.Best(Head(document.Get(Papers)), terms, prefixes);
        var body = SearchSnippets.Best(Head(document.Get(Body)), terms, prefixes);
        var snippet = body.Count(p => p.Match) > papers.Count(p => p.Match) || papers.Count == 0 ? body : papers;
        return new SearchHit(
            kind,
            _kindNames.GetValueOrDefault(kind, kind),
            int.Parse(document.Get(Commune), CultureInfo.InvariantCulture),
            title,
            document.Get(StoredCode),
            document.Get(IndexGeneration.Path) ?? "",
            SearchSnippets.Mark(title, terms, prefixes),
            snippet,
            scoreDoc.Score)
        {
            Label = document.Get(Label),
            Date = document.Get(Date) is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        };
    }
}
