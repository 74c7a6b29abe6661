using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Semantics;
using MapLint.Text;
using MapLint.Util;
using MapLint.Workspace;

namespace MapLint.Engine;

/// <summary>
/// The last run's report, kept beside the summaries (<c>lastrun.bin</c>): every finding as reported, each file
/// with the stamp and content hash it had when that run read it, and the rest of the report (documents, notes,
/// the metadata files' entity names). A run whose files, configuration and MapLint build are all as they were
/// gives that report without reading a summary or running a rule, as make skips a target whose inputs did not
/// change; any difference runs the engine. A finding that cannot be kept exactly (its text not its file's)
/// leaves no record, so the next run checks again.
/// </summary>
internal sealed class LastRun
{
    private static readonly byte[] Magic = "MAPLINT-LAST-RUN-1\n"u8.ToArray();

    private LastRun(string key, FileState[] files, IReadOnlyList<(int File, Diagnostic Finding)> findings, ReportFacts facts, StageFacts? stage)
    {
        Key = key;
        Files = files;
        Findings = findings;
        Facts = facts;
        Stage = stage;
    }

    /// <summary>What the run's findings depend on besides the files: the build, the options, the configuration files' contents.</summary>
    public string Key { get; }

    private FileState[] Files { get; }

    private IReadOnlyList<(int File, Diagnostic Finding)> Findings { get; }

    private ReportFacts Facts { get; }

    /// <summary>What an edit's workspace stage needs of the run (see <see cref="StageFacts"/>); null when an edit cannot start from it.</summary>
    public StageFacts? Stage { get; }

    public int FileCount => Files.Length;

    /// <summary>A file as the run read it; the stamp only when it was taken well before the run (git's racy-clean rule).</summary>
    private sealed record FileState(string FullPath, string DisplayPath, string Hash, FileStamp? Stamp, SourceText? Text);

    public string HashOf(int file) => Files[file].Hash;

    /// <summary>Each file's findings as that run reported them.</summary>
    public List<Diagnostic>[] FindingsByFile()
    {
        var lists = new List<Diagnostic>[Files.Length];
        for (int i = 0; i < lists.Length; i++)
        {
            lists[i] = [];
        }

        foreach (var (i, finding) in Findings)
        {
            lists[i].Add(finding);
        }

        return lists;
    }

    /// <summary>
    /// The record after an edit: every file's findings as given (<paramref name="sorted"/>: all of them, in the
    /// report's order), the files in <paramref name="read"/> with their hash, stamp and text as the edit's check
    /// read them; the rest of the report as it was.
    /// </summary>
    public LastRun Edited(IReadOnlyList<List<Diagnostic>> findingsOf, IReadOnlyList<Diagnostic> sorted, IReadOnlyDictionary<int, (string Hash, FileStamp? Stamp, SourceText? Text)> read, StageFacts stage)
    {
        var files = (FileState[])Files.Clone();
        foreach (var (i, now) in read)
        {
            files[i] = files[i] with { Hash = now.Hash, Stamp = now.Stamp, Text = now.Text };
        }

        var findings = new List<(int, Diagnostic)>();
        var fileOf = new Dictionary<Diagnostic, int>(ReferenceIdentity.Instance);
        for (int i = 0; i < findingsOf.Count; i++)
        {
            foreach (var finding in findingsOf[i])
            {
                fileOf[finding] = i;
            }
        }

        findings.AddRange(sorted.Select(f => (fileOf[f], f)));
        return new LastRun(Key, files, findings, Facts, stage);
    }

    /// <summary>The report of an edit: these findings with the rest of the report as it was (an edit that keeps every document's name and tables keeps it).</summary>
    public LintResult ToResult(IReadOnlyList<Diagnostic> diagnostics, Func<LintResult> analyze)
    {
        var full = new Lazy<LintResult>(analyze, LazyThreadSafetyMode.ExecutionAndPublication);
        return new LintResult(diagnostics, Facts.FileCount, Facts.DocumentCount, Facts.Notes, new Lazy<SemanticModel>(() => full.Value.Model), new Lazy<BusinessCentral.BusinessCentralApp>(() => full.Value.BusinessCentral))
        {
            DocumentPaths = Facts.DocumentPaths,
            MetadataSources = Facts.MetadataSources,
        };
    }

    private sealed record ReportFacts(int FileCount, int DocumentCount, IReadOnlyList<string> Notes, IReadOnlyList<string> DocumentPaths, IReadOnlyList<MetadataSource> MetadataSources);

    /// <summary>The key of a run of <paramref name="files"/>: the MapLint build, the options findings depend on, the configuration files as they are.</summary>
    public static string KeyOf(LintOptions options, RunInputs inputs)
    {
        var text = new StringBuilder(SummaryCache.Stamp).Append('\n').Append(CacheKeys.Configuration(options)).Append('\n');
        foreach (var path in inputs.Configuration)
        {
            string hash;
            try
            {
                hash = Convert.ToHexStringLower(SHA256.HashData(SafeFileReader.Read(path, options.MaxFileBytes)));
            }
            catch (Exception ex) when (ex is UnsafeReadException or IOException or UnauthorizedAccessException)
            {
                hash = "unreadable";
            }

            text.Append(path).Append('\n').Append(hash).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// The record of a finished run; null when a finding cannot be kept exactly (a text other than its file's, a
    /// rule the catalog does not know, a file's text that cannot be read again).
    /// </summary>
    public static LastRun? Of(string key, IReadOnlyList<WorkspaceFile> files, IReadOnlyList<DocumentSummary> summaries, IReadOnlyList<FileStamp?> stamps, IReadOnlyList<List<Diagnostic>> finished, LintResult result, DocumentSource source, StageFacts? stage)
    {
        var fileOf = new Dictionary<Diagnostic, int>(ReferenceIdentity.Instance);
        var states = new FileState[files.Count];
        for (int i = 0; i < files.Count; i++)
        {
            states[i] = new FileState(files[i].FullPath, files[i].DisplayPath, summaries[i].ContentHash, stamps[i], summaries[i].Text);
            foreach (var finding in finished[i])
            {
                fileOf[finding] = i;
                bool exact = finding.Location.Text is null
                    || (ReferenceEquals(finding.Location.Text, summaries[i].Text) && source.Reread(files[i]) is not null);
                if (!exact || AnalyzerCatalog.Find(finding.Id) != finding.Descriptor)
                {
                    return null;
                }
            }
        }

        var findings = new List<(int, Diagnostic)>(result.Diagnostics.Count);
        foreach (var finding in result.Diagnostics)
        {
            if (!fileOf.TryGetValue(finding, out int i))
            {
                return null;
            }

            findings.Add((i, finding));
        }

        return new LastRun(key, states, findings, new ReportFacts(result.FileCount, result.DocumentCount, result.Notes, result.DocumentPaths, result.MetadataSources), stage);
    }

    public byte[] Write()
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Key);
            w.Write(Files.Length);
            var texted = new HashSet<int>(Findings.Where(f => f.Finding.Location.Text is not null).Select(f => f.File));
            for (int i = 0; i < Files.Length; i++)
            {
                var file = Files[i];
                w.Write(file.FullPath);
                w.Write(file.DisplayPath);
                w.Write(file.Hash);
                w.Write(file.Stamp is not null);
                if (file.Stamp is { } s)
                {
                    w.Write(s.Device);
                    w.Write(s.Inode);
                    w.Write(s.Size);
                    w.Write(s.ModifiedNs);
                    w.Write(s.ChangedNs);
                }

                bool hasText = texted.Contains(i) && file.Text is not null;
                w.Write(hasText);
                if (hasText)
                {
                    SummaryCodec.WriteLineTable(w, file.Text!);
                }
            }

            w.Write(Findings.Count);
            foreach (var (i, d) in Findings)
            {
                w.Write(i);
                w.Write(d.Id);
                w.Write((int)d.Severity);
                w.Write(d.Location.Path);
                w.Write(d.Location.Text is not null);
                SummaryCodec.WriteSpan(w, d.Location.Span);
                w.Write(d.Message);
                SummaryCodec.WriteOptional(w, d.JsonPath);
                w.Write(d.Properties.Count);
                foreach (var (name, value) in d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    w.Write(name);
                    w.Write(value);
                }

                w.Write(d.IsSuppressed);
                SummaryCodec.WriteOptional(w, d.SuppressionJustification);
                SummaryCodec.WriteOptional(w, d.LogicalLocation);
            }

            w.Write(Facts.FileCount);
            w.Write(Facts.DocumentCount);
            SummaryCodec.WriteStrings(w, Facts.Notes);
            SummaryCodec.WriteStrings(w, Facts.DocumentPaths);
            w.Write(Facts.MetadataSources.Count);
            foreach (var metadata in Facts.MetadataSources)
            {
                w.Write(metadata.App);
                w.Write(metadata.FullPath);
                SummaryCodec.WriteStrings(w, metadata.EntityNames);
            }

            w.Write(Stage is not null);
            Stage?.Write(w);
        }

        return buffer.ToArray();
    }

    /// <summary>The record in <paramref name="bytes"/> if it is one of <paramref name="key"/> for exactly these files (paths and order); null otherwise.</summary>
    public static LastRun? Read(byte[] bytes, string key, IReadOnlyList<WorkspaceFile> files, DocumentSource source)
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || r.ReadString() != key || r.ReadInt32() != files.Count)
            {
                return null;
            }

            var states = new FileState[files.Count];
            for (int i = 0; i < files.Count; i++)
            {
                string fullPath = r.ReadString();
                string displayPath = r.ReadString();
                if (fullPath != files[i].FullPath || displayPath != files[i].DisplayPath)
                {
                    return null;
                }

                string hash = r.ReadString();
                FileStamp? stamp = r.ReadBoolean() ? new FileStamp(r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64()) : null;
                var text = r.ReadBoolean() ? SummaryCodec.ReadLineTable(r, source.Reread(files[i])) : null;
                states[i] = new FileState(fullPath, displayPath, hash, stamp, text);
            }

            var descriptors = new Dictionary<string, DiagnosticDescriptor>(StringComparer.OrdinalIgnoreCase);
            foreach (var descriptor in AnalyzerCatalog.AllDescriptors)
            {
                descriptors.TryAdd(descriptor.Id, descriptor);
            }

            int count = r.ReadInt32();
            var findings = new List<(int, Diagnostic)>(Math.Min(count, bytes.Length));
            for (int k = 0; k < count; k++)
            {
                int i = r.ReadInt32();
                string id = r.ReadString();
                var severity = (Severity)r.ReadInt32();
                string path = r.ReadString();
                bool texted = r.ReadBoolean();
                var span = SummaryCodec.ReadSpan(r);
                string message = r.ReadString();
                string? jsonPath = SummaryCodec.ReadOptional(r);
                int propertyCount = r.ReadInt32();
                var properties = ImmutableDictionary.CreateBuilder<string, string>();
                for (int p = 0; p < propertyCount; p++)
                {
                    properties[r.ReadString()] = r.ReadString();
                }

                bool suppressed = r.ReadBoolean();
                string? justification = SummaryCodec.ReadOptional(r);
                string? logical = SummaryCodec.ReadOptional(r);
                if ((uint)i >= (uint)files.Count || !descriptors.TryGetValue(id, out var descriptor) || (texted && (states[i].Text is not { } t || span.End > t.Length)))
                {
                    return null;
                }

                var location = texted ? new Location(path, states[i].Text, span) : new Location(path, null, span);
                findings.Add((i, Diagnostic.Restore(descriptor, location, message, severity, jsonPath, properties.ToImmutable(), suppressed, justification, logical)));
            }

            int fileCount = r.ReadInt32();
            int documentCount = r.ReadInt32();
            var notes = SummaryCodec.ReadStrings(r);
            var documentPaths = SummaryCodec.ReadStrings(r);
            int sourceCount = r.ReadInt32();
            var sources = new List<MetadataSource>(Math.Min(sourceCount, bytes.Length));
            for (int k = 0; k < sourceCount; k++)
            {
                sources.Add(new MetadataSource(r.ReadString(), r.ReadString(), SummaryCodec.ReadStrings(r)));
            }

            var stage = r.ReadBoolean() ? StageFacts.Read(r, files.Count) : null;
            return r.BaseStream.Position == bytes.Length ? new LastRun(key, states, findings, new ReportFacts(fileCount, documentCount, notes, documentPaths, sources), stage) : null;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The files not as this run read them: neither the same stamp nor, read again, the same content hash; null
    /// when more than <paramref name="most"/> changed. Files found the same by their content get their stamp now,
    /// when it is safe to keep (<paramref name="restamped"/>).
    /// </summary>
    public List<int>? Changed(IReadOnlyList<WorkspaceFile> files, DocumentSource source, long runStartNs, ParallelOptions parallel, int most, out bool restamped)
    {
        var now = new FileStamp?[files.Count];
        var changed = new System.Collections.Concurrent.ConcurrentBag<int>();
        int stamped = 0;
        Parallel.For(0, files.Count, parallel, (i, loop) =>
        {
            var state = Files[i];
            var stamp = source.Stamp(files[i]);
            if (stamp is not null && stamp == state.Stamp)
            {
                return;
            }

            var bytes = state.Hash.Length == 64 ? source.Read(files[i], new DiagnosticBag(files[i].DisplayPath, null)) : null;
            if (bytes is null || LintWorkspace.Hash(bytes) != state.Hash)
            {
                changed.Add(i);
                if (changed.Count > most)
                {
                    loop.Stop();
                }

                return;
            }

            if (Settled(stamp, runStartNs))
            {
                now[i] = stamp;
                Interlocked.Increment(ref stamped);
            }
        });

        restamped = stamped > 0;
        for (int i = 0; i < Files.Length; i++)
        {
            if (now[i] is { } stamp)
            {
                Files[i] = Files[i] with { Stamp = stamp };
            }
        }

        return changed.Count > most ? null : changed.Order().ToList();
    }

    /// <summary>A stamp taken before a read can stand for the content read when the file was last changed well before the run began.</summary>
    public static bool Settled(FileStamp? stamp, long runStartNs)
    {
        const long margin = 2_000_000_000;
        return stamp is { } s && s.ModifiedNs < runStartNs - margin && s.ChangedNs < runStartNs - margin;
    }

    /// <summary>
    /// The report this record holds. What it does not hold (the semantic model, the Business Central app) is made
    /// by <paramref name="analyze"/>, which runs the engine, only if a front asks for it.
    /// </summary>
    public LintResult ToResult(Func<LintResult> analyze) => ToResult(Findings.Select(f => f.Finding).ToList(), analyze);
}
