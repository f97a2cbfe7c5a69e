using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using QmsPortal.Web.Text;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace QmsPortal.Web.Search.Lucene;

/// <summary>
/// What an index commit remembers about the database it was built from: the last feed row applied, the rebuild
/// request it answers (which also identifies the database: a fresh database has other requests), and the field
/// layout version.
/// </summary>
public sealed record IndexState(long Checkpoint, int RequestId, long RequestTicks, int Schema, DateTimeOffset CommittedAt)
{
    /// <summary>Bump when fields or analysis change: an index of another layout is rebuilt on start.</summary>
    public const int CurrentSchema = 1;

    public IDictionary<string, string> ToCommitData() => new Dictionary<string, string>
    {
        ["checkpoint"] = Checkpoint.ToString(CultureInfo.InvariantCulture),
        ["request"] = RequestId.ToString(CultureInfo.InvariantCulture),
        ["requestTicks"] = RequestTicks.ToString(CultureInfo.InvariantCulture),
        ["schema"] = Schema.ToString(CultureInfo.InvariantCulture),
        ["committedAt"] = CommittedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
    };

    public static IndexState? FromCommitData(IDictionary<string, string>? data)
    {
        if (data is null || !data.TryGetValue("checkpoint", out var checkpoint) || !data.TryGetValue("request", out var request)
            || !data.TryGetValue("requestTicks", out var ticks) || !data.TryGetValue("schema", out var schema)
            || !data.TryGetValue("committedAt", out var committed))
        {
            return null;
        }

        return new IndexState(long.Parse(checkpoint, CultureInfo.InvariantCulture), int.Parse(request, CultureInfo.InvariantCulture),
            long.Parse(ticks, CultureInfo.InvariantCulture), int.Parse(schema, CultureInfo.InvariantCulture),
            new DateTimeOffset(long.Parse(committed, CultureInfo.InvariantCulture), TimeSpan.Zero));
    }
}

/// <summary>
/// One index directory with its writer and near-real-time searchers. The indexer owns the writing side; searches
/// acquire a searcher for the length of one query.
/// </summary>
public sealed class IndexGeneration : IDisposable
{
    // Field names. Filters are untokenised terms; texts are indexed under suffixes the analyzer reads.
    public const string Key = "key";
    public const string KindField = "kind";
    public const string Commune = "commune";
    public const string Province = "province";
    public const string Audience = "aud";
    public const string Twin = "twin";
    public const string CodeField = "code";
    public const string Title = "title";
    public const string Papers = "papers";
    public const string Body = "body";
    public const string StoredCode = "code_s";
    public const string Path = "path";
    public const string Label = "label";
    public const string Date = "date";

    private static readonly VietnameseAnalyzer Analyzer = new();

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;

    public IndexGeneration(string folder)
    {
        Folder = folder;
        System.IO.Directory.CreateDirectory(folder);
        // Lucene's own lock cannot keep a second process out on Linux; the indexer holds its own lock on the parent.
        _directory = global::Lucene.Net.Store.FSDirectory.Open(new DirectoryInfo(folder), global::Lucene.Net.Store.NoLockFactory.GetNoLockFactory());
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = Similarity,
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(_directory, config);
        State = IndexState.FromCommitData(_writer.CommitData);
        Searchers = new SearcherManager(_writer, true, new Bm25SearcherFactory());
    }

    public static readonly Similarity Similarity = new BM25Similarity();

    public string Folder { get; }

    /// <summary>The state of the last commit, null for a new or foreign index.</summary>
    public IndexState? State { get; private set; }

    public SearcherManager Searchers { get; }

    /// <summary>Replaces every entry of one item by these (none: the item leaves the index).</summary>
    public void Replace(string kind, int itemId, IReadOnlyList<SearchItem> entries)
    {
        var key = new Term(Key, KeyOf(kind, itemId));
        if (entries.Count == 0)
        {
            _writer.DeleteDocuments(key);
        }
        else
        {
            _writer.UpdateDocuments(key, entries.Select(ToDocument));
        }
    }

    /// <summary>Makes applied changes visible to searches (not yet durable).</summary>
    public void Refresh() => Searchers.MaybeRefreshBlocking();

    /// <summary>Makes applied changes durable together with the state they bring the index to.</summary>
    public void Commit(IndexState state)
    {
        _writer.SetCommitData(state.ToCommitData());
        _writer.Commit();
        State = state;
    }

    public void DeleteAll() => _writer.DeleteAll();

    public long SizeInBytes() => new DirectoryInfo(Folder).EnumerateFiles().Sum(f => f.Length);

    public static string KeyOf(string kind, int itemId) => kind + ":" + itemId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Codes and legal numbers are found whole, folded: "61/2018/NĐ-CP" and "61/2018/nd-cp" give one term.</summary>
    public static string CodeKey(string code) =>
        string.Concat(VietnameseText.Fold(code).Where(c => !char.IsWhiteSpace(c)));

    private static Document ToDocument(SearchItem item)
    {
        var document = new Document
        {
            new StringField(Key, KeyOf(item.Kind, item.ItemId), Field.Store.YES),
            new StringField(KindField, item.Kind, Field.Store.YES),
            new StringField(Commune, item.TenantId.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
            new StringField(Province, item.ProvinceCode, Field.Store.NO),
            new StringField(Audience, AudienceTerm(item.Audience), Field.Store.NO),
            new StoredField(Path, item.PathInCommune),
        };
        if (item.HasInternalTwin)
        {
            document.Add(new StringField(Twin, "1", Field.Store.NO));
        }

        AddText(document, Title, item.Title, prefixes: true);
        AddText(document, Papers, item.Papers, prefixes: false);
        AddText(document, Body, item.Body, prefixes: false);
        foreach (var code in item.Codes.Prepend(item.Code).OfType<string>().Where(c => c.Length > 0).Distinct())
        {
            document.Add(new StringField(CodeField, CodeKey(code), Field.Store.NO));
        }

        if (item.Code is { Length: > 0 })
        {
            document.Add(new StoredField(StoredCode, item.Code));
        }

        if (item.Label is { Length: > 0 })
        {
            document.Add(new StoredField(Label, item.Label));
        }

        if (item.Date is { } date)
        {
            document.Add(new StoredField(Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return document;
    }

    private static void AddText(Document document, string name, string text, bool prefixes)
    {
        var nfc = VietnameseText.Normalize(text);
        document.Add(new StoredField(name, nfc));
        if (nfc.Length == 0)
        {
            return;
        }

        document.Add(new TextField(name + VietnameseAnalyzer.Folded, nfc, Field.Store.NO));
        document.Add(new TextField(name + VietnameseAnalyzer.Exact, nfc, Field.Store.NO));
        document.Add(new TextField(name + VietnameseAnalyzer.Bigrams, nfc, Field.Store.NO));
        if (prefixes)
        {
            document.Add(new TextField(name + VietnameseAnalyzer.Prefixes, nfc, Field.Store.NO));
        }
    }

    public static string AudienceTerm(SearchAudience audience) => audience switch
    {
        SearchAudience.Public => "public",
        SearchAudience.Readers => "readers",
        SearchAudience.Members => "members",
        SearchAudience.Drafters => "drafters",
        _ => throw new ArgumentOutOfRangeException(nameof(audience)),
    };

    public void Dispose()
    {
        Searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }
}
