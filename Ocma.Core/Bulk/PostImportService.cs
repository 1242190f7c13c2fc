using System.Globalization;
using System.Text;
using Ocma.Core.Audit;
using Ocma.Core.Channels;
using Ocma.Core.Media;
using Ocma.Core.Posts;

namespace Ocma.Core.Bulk;

/// <summary>
/// Imports posts from a CSV file (text, channels, due, media). A dry run checks every row with the composer's rules
/// and stores nothing; the import stores all rows in one transaction, or none. The media column names images already in
/// the brand's media library by file name (several separated by ;).
/// </summary>
public sealed class PostImportService(ChannelService channels, MediaLibraryService media, ComposeService compose)
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxRows = 1000;
    public const string DueFormat = "yyyy-MM-dd HH:mm";
    private static readonly string[] Header = ["text", "channels", "due", "media"];

    public async Task<Result<ImportPlan>> DryRunAsync(int brandId, byte[] file, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.CanCompose)
        {
            return Result.Fail<ImportPlan>("Your role cannot write posts, so it cannot import them. Ask an Admin for the Contributor or Editor role.");
        }

        var records = Read(file);
        if (!records.Succeeded)
        {
            return Result.Fail<ImportPlan>(records.Error!);
        }

        var known = await channels.ListAsync(brandId, cancellationToken);
        var library = await media.ListAsync(new MediaQuery(brandId), cancellationToken);
        var rows = new List<ImportRow>();
        var problems = new List<ImportProblem>();
        foreach (var record in records.Value.Skip(1))
        {
            var row = ToRow(record, brandId, known, library);
            if (row.Succeeded)
            {
                rows.Add(row.Value);
            }
            else
            {
                problems.Add(new ImportProblem(record.Line, row.Error!));
            }
        }

        var verdicts = await compose.DryRunAsync(rows.Select(r => r.Request).ToList(), actor, cancellationToken);
        if (!verdicts.Succeeded)
        {
            return Result.Fail<ImportPlan>(verdicts.Error!);
        }

        problems.AddRange(rows.Zip(verdicts.Value).Where(p => p.Second is not null).Select(p => new ImportProblem(p.First.Line, p.Second!)));
        var good = rows.Where((_, i) => verdicts.Value[i] is null).ToList();
        return new ImportPlan(good, problems.OrderBy(p => p.Line).ToList());
    }

    /// <summary>Checks the file again and stores every row as a post, or nothing when any row is refused.</summary>
    public async Task<Result<IReadOnlyList<Post>>> ImportAsync(int brandId, byte[] file, Actor actor, CancellationToken cancellationToken)
    {
        var plan = await DryRunAsync(brandId, file, actor, cancellationToken);
        if (!plan.Succeeded)
        {
            return Result.Fail<IReadOnlyList<Post>>(plan.Error!);
        }

        if (plan.Value.Problems.Count > 0)
        {
            var first = plan.Value.Problems[0];
            return Result.Fail<IReadOnlyList<Post>>($"Nothing was imported: {plan.Value.Problems.Count} row(s) cannot be imported (first, line {first.Line}: {first.Reason}) Fix them and try again.");
        }

        try
        {
            // One SaveChanges: every row or none.
            return await compose.SubmitAllAsync(plan.Value.Rows.Select(r => r.Request).ToList(), actor, cancellationToken);
        }
        catch (Exception e) when (Storage.StorageFailures.Describe(e) is string reason)
        {
            return Result.Fail<IReadOnlyList<Post>>($"Nothing was imported: {reason}. Once an Admin has freed space on the server, import the file again.");
        }
    }

    private static Result<IReadOnlyList<CsvRecord>> Read(byte[] file)
    {
        if (file.Length > MaxBytes)
        {
            return Result.Fail<IReadOnlyList<CsvRecord>>($"The file is {file.Length / 1024.0 / 1024.0:0.0} MB; at most 1 MB can be imported at once. Split it into smaller files.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(file);
        }
        catch (DecoderFallbackException)
        {
            return Result.Fail<IReadOnlyList<CsvRecord>>("The file is not UTF-8 text. In your spreadsheet app, save it as \"CSV UTF-8\" and upload it again.");
        }

        var parsed = CsvParser.Parse(text);
        if (!parsed.Succeeded)
        {
            return parsed;
        }

        var records = parsed.Value;
        if (records.Count == 0)
        {
            return Result.Fail<IReadOnlyList<CsvRecord>>("The file is empty. The first line must be the header: text,channels,due,media");
        }

        var header = records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        if (header.Count == 1 && (header[0].Contains(';', StringComparison.Ordinal) || header[0].Contains('\t', StringComparison.Ordinal)))
        {
            return Result.Fail<IReadOnlyList<CsvRecord>>("The columns are separated by semicolons or tabs; use commas. In your spreadsheet app, save as \"CSV UTF-8 (comma delimited)\".");
        }

        if (!header.SequenceEqual(Header))
        {
            return Result.Fail<IReadOnlyList<CsvRecord>>($"The first line must be the header text,channels,due,media (found: {string.Join(",", header)}).");
        }

        if (records.Count == 1)
        {
            return Result.Fail<IReadOnlyList<CsvRecord>>("The file has a header but no rows to import. Add one post per line under the header.");
        }

        return records.Count - 1 > MaxRows
            ? Result.Fail<IReadOnlyList<CsvRecord>>($"The file has {records.Count - 1:N0} rows; at most {MaxRows:N0} can be imported at once. Split it into smaller files.")
            : parsed;
    }

    private static Result<ImportRow> ToRow(CsvRecord record, int brandId, IReadOnlyList<ChannelSummary> known, IReadOnlyList<MediaListItem> library)
    {
        if (record.Fields.Count != Header.Length)
        {
            return Result.Fail<ImportRow>($"The row has {record.Fields.Count} column(s); it needs 4 (text, channels, due, media). Put text that contains commas in quotes.");
        }

        var (text, handles, due, media) = (record.Fields[0], record.Fields[1], record.Fields[2].Trim(), record.Fields[3].Trim());
        var mediaIds = MediaIds(media, library);
        if (!mediaIds.Succeeded)
        {
            return Result.Fail<ImportRow>(mediaIds.Error!);
        }

        var channelIds = new List<int>();
        foreach (var handle in handles.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var matches = known.Where(c => c.Handle is not null && string.Equals(c.Handle.TrimStart('@'), handle.TrimStart('@'), StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
            {
                return Result.Fail<ImportRow>($"There is no channel with the handle {handle}. Connected handles: {string.Join(", ", known.Select(c => c.Handle).OfType<string>())}.");
            }

            channelIds.AddRange(matches.Select(c => c.Id));
        }

        if (channelIds.Count == 0)
        {
            return Result.Fail<ImportRow>("Name at least one channel handle in the channels column (separate several with ;).");
        }

        DateTime? local = null;
        if (due.Length > 0)
        {
            if (!DateTime.TryParseExact(due, DueFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Result.Fail<ImportRow>($"\"{due}\" is not a date and time in the form {DueFormat} (for example 2026-03-01 09:30).");
            }

            local = parsed;
        }

        var mode = local is null ? ComposeMode.SaveDraft : ComposeMode.Schedule;
        return new ImportRow(record.Line, text, handles, due, new ComposeRequest(brandId, text, channelIds, mode, local, MediaIds: mediaIds.Value));
    }

    /// <summary>The library images a row names by file name, in order; a name must match exactly one image of the brand.</summary>
    private static Result<IReadOnlyList<int>> MediaIds(string column, IReadOnlyList<MediaListItem> library)
    {
        var ids = new List<int>();
        foreach (var name in column.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var matches = library.Where(m => string.Equals(m.FileName, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count != 1)
            {
                return Result.Fail<IReadOnlyList<int>>(matches.Count == 0
                    ? $"There is no image named '{name}' in the media library. Upload it on Media first, or fix the name."
                    : $"{matches.Count} images in the media library are named '{name}'. Delete or re-upload one under another name, then import again.");
            }

            ids.Add(matches[0].Id);
        }

        return ids;
    }
}
