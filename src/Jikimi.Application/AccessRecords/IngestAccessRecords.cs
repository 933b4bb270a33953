using System.IO.Compression;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.AccessRecords;
using Jikimi.Domain.AuditTrail;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Input;
using Jikimi.Privacy.AccessRecords;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.AccessRecords;

/// <summary>
/// Reads one log stream of a system with its format and mapping, keeps the raw input (gzip) and one Parquet segment per
/// KST day, appends the segments to the system's hash chain, signs the new head with the installation key and records
/// it in the audit trail. All or nothing: a refused input or a lost race leaves no segment, no file and no chain change.
/// </summary>
public sealed class IngestAccessRecords(JikimiDb db, AuditWriter audit, TimeProvider clock, AccessRecordStore store, AuditAnchorKeys keys, IOptions<InputLimits> limits)
{
    public async Task<Result<IngestView>> Handle(OrgAccess access, Guid systemId, Stream input, string? name, CancellationToken ct)
    {
        var system = await db.Set<ProcessingSystem>().FirstOrDefaultAsync(x => x.Id == systemId, ct);
        if (system is null)
        {
            return new NotFound("processing_system", systemId.ToString());
        }

        if (access.Require(Permissions.CanManageWorkspace, "send access records").Error is { } denied)
        {
            return denied;
        }

        if (system.Format is null || !AccessLogFormats.TryParse(system.Format, out var format) || AccessLogMapping.Parse(format, system.Mapping).Mapping is not { } mapping)
        {
            return new NoLogFormat(system.Name);
        }

        var key = await keys.SigningKeyAsync(ct);
        await AuditAnchorKeys.RegisterAsync(db, audit, key, ct); // before anything of ours is tracked: it saves on its own

        var ingestId = Guid.NewGuid();
        var staging = store.Staging(ingestId);
        Directory.CreateDirectory(staging);
        var placed = new List<string>();
        try
        {
            var staged = await StageAsync(input, name, format, mapping, staging, ct);
            if (staged.Error is { } refused)
            {
                return refused;
            }

            var result = await AppendAsync(access, system, ingestId, staged.Value!, key, placed, ct);
            if (result.Error is not null)
            {
                placed.ForEach(store.Delete);
            }

            return result;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private sealed record Staged(string RawFile, IReadOnlyList<SegmentWriter.Written> Days, long Records);

    /// <summary>Copies the input (bounded) to gzip, then reads it back through the format's reader into day files.</summary>
    private async Task<Result<Staged>> StageAsync(Stream input, string? name, AccessLogFormat format, AccessLogMapping mapping, string staging, CancellationToken ct)
    {
        var raw = Path.Combine(staging, "raw.gz");
        try
        {
            await using (var bounded = new BoundedStream(input, store.MaxIngestBytes, name, leaveOpen: true))
            await using (var file = File.Create(raw))
            await using (var gz = new GZipStream(file, CompressionLevel.Optimal))
            {
                await bounded.CopyToAsync(gz, ct);
            }
        }
        catch (InputException tooLarge)
        {
            return tooLarge.Error.ToDomainError();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(SegmentWriter.Kst).DateTime);
        using var writer = new SegmentWriter(store.SubjectKey(), today);
        await using var rawIn = new GZipStream(File.OpenRead(raw), CompressionMode.Decompress);
        using var reader = AccessLogReaders.Open(rawIn, name, format, mapping, limits.Value, clock);
        if (!reader.Start())
        {
            return (reader.Error ?? InputError.Empty(name)).ToDomainError();
        }

        long count = 0;
        while (reader.TryRead(out var record))
        {
            ct.ThrowIfCancellationRequested();
            writer.Add(record!);
            count++;
        }

        if (reader.Error is { } e)
        {
            return e.ToDomainError();
        }

        if (count == 0)
        {
            return InputError.Empty(name).ToDomainError();
        }

        return new Staged(raw, writer.Finish(staging), count);
    }

    private async Task<Result<IngestView>> AppendAsync(OrgAccess access, ProcessingSystem system, Guid ingestId, Staged staged, System.Security.Cryptography.ECDsa key, List<string> placed, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var previous = await db.Set<AccessRecordSegment>().Where(s => s.SystemId == system.Id).OrderByDescending(s => s.Sequence).FirstOrDefaultAsync(ct);
        var rawPath = AccessRecordStore.RawPath(system.OrganizationId, system.Id, ingestId);
        var rawBytes = new FileInfo(staged.RawFile).Length;
        var rawSha = AccessRecordStore.Sha256Of(staged.RawFile);
        store.Place(staged.RawFile, rawPath);
        placed.Add(rawPath);

        var segments = new List<AccessRecordSegment>();
        foreach (var day in staged.Days)
        {
            var sequence = (previous?.Sequence ?? 0) + 1;
            var path = AccessRecordStore.SegmentPath(system.OrganizationId, system.Id, day.Day, sequence);
            var files = new AccessRecordSegment.Files(path, new FileInfo(day.File).Length, AccessRecordStore.Sha256Of(day.File), rawPath, rawBytes, rawSha);
            store.Place(day.File, path);
            placed.Add(path);
            previous = AccessRecordSegment.Append(system, previous, ingestId, day.Day, day.Counts, files, access.Actor.UserId, now);
            segments.Add(previous);
            db.Add(previous);
        }

        var keyId = AuditAnchor.KeyIdOf(key.ExportSubjectPublicKeyInfo());
        var signature = Convert.ToBase64String(key.SignData(SignedChainHead.Payload(system.OrganizationId, system.Id, previous!.Sequence, previous.ChainHash), System.Security.Cryptography.HashAlgorithmName.SHA256));
        db.Add(SignedChainHead.Of(previous, keyId, signature, now));
        var view = IngestView.Of(system, ingestId, segments);
        audit.Record(access, AuditActions.AccessRecordsIngested, "processing_system", system.Id, new
        {
            ingest = ingestId,
            view.Records,
            view.MissingByField,
            segments = segments.Select(s => new { s.Sequence, s.Day, s.Records, s.Sha256 }),
            rawSha256 = rawSha,
            head = new { previous.Sequence, previous.ChainHash, keyId, signature },
        });
        var saved = await audit.SaveAsync(ct, "access-record chain");
        return saved.Error is { } e ? e : view;
    }
}
