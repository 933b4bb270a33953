using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Jikimi.Checks.Inputs;

/// <summary>Reads one export file into resources (docs/checks.md, "Inputs"). The kind is recognised from the
/// content (top-level keys, per-element <c>kind</c>/<c>type</c>) and, for single-resource AWS calls whose output
/// does not name the resource, from the file name <c>&lt;service&gt;-&lt;call&gt;__&lt;resource&gt;.json</c> that
/// scripts/collect/aws.sh writes.</summary>
public sealed class ExportReader
{
    /// <summary>The default limit on one input file (a 1 GB export streams within it).</summary>
    public const long DefaultMaxInputBytes = 4L * 1024 * 1024 * 1024;

    // Top-level arrays of AWS CLI outputs: property → (resource type, id field).
    private static readonly Dictionary<string, (string Type, string IdField)> AwsArrays = new(StringComparer.Ordinal)
    {
        ["Users"] = ("aws.iam.user", "UserName"),
        ["MFADevices"] = ("aws.iam.mfa_device", "SerialNumber"),
        ["AccessKeyMetadata"] = ("aws.iam.access_key", "AccessKeyId"),
        ["DBInstances"] = ("aws.rds.db_instance", "DBInstanceIdentifier"),
        ["SecurityGroups"] = ("aws.ec2.security_group", "GroupId"),
        ["Volumes"] = ("aws.ec2.volume", "VolumeId"),
        ["trailList"] = ("aws.cloudtrail.trail", "Name"),
        ["Keys"] = ("aws.kms.key_list_entry", "KeyId"),
        ["Buckets"] = ("aws.s3.bucket", "Name"),
        ["repositories"] = ("aws.ecr.repository", "repositoryName"),
        ["Listeners"] = ("aws.elbv2.listener", "ListenerArn"),
        ["Functions"] = ("aws.lambda.function", "FunctionName"),
        ["FileSystems"] = ("aws.efs.file_system", "FileSystemId"),
        ["ConfigurationRecordersStatus"] = ("aws.config.recorder_status", "name"),
    };

    // Single-object AWS calls recognised by the file name prefix (their output may not name the resource).
    private static readonly Dictionary<string, string> AwsCalls = new(StringComparer.Ordinal)
    {
        ["iam-get-account-password-policy"] = "aws.iam.password_policy",
        ["iam-get-account-summary"] = "aws.iam.account_summary",
        ["s3api-get-bucket-encryption"] = "aws.s3.bucket_encryption",
        ["s3api-get-public-access-block"] = "aws.s3.public_access_block",
        ["s3api-get-bucket-versioning"] = "aws.s3.bucket_versioning",
        ["s3api-get-bucket-logging"] = "aws.s3.bucket_logging",
        ["s3api-get-bucket-policy-status"] = "aws.s3.bucket_policy_status",
        ["cloudtrail-get-trail-status"] = "aws.cloudtrail.trail_status",
        ["kms-describe-key"] = "aws.kms.key",
        ["kms-get-key-rotation-status"] = "aws.kms.key_rotation",
        ["ec2-get-ebs-encryption-by-default"] = "aws.ec2.ebs_default_encryption",
        ["guardduty-get-detector"] = "aws.guardduty.detector",
        ["eks-describe-cluster"] = "aws.eks.cluster",
        ["account-get-alternate-contact"] = "aws.account.alternate_contact",
        ["iam-list-entities-for-policy"] = "aws.iam.support_access_entities",
        ["ssm-incidents-list-response-plans"] = "aws.ssm_incidents.response_plans",
        ["drs-describe-jobs"] = "aws.drs.jobs",
        ["macie2-get-macie-session"] = "aws.macie.session",
    };

    // Account-wide single objects: their id when the file name gives none.
    private static readonly Dictionary<string, string> AccountIds = new(StringComparer.Ordinal)
    {
        ["aws.iam.password_policy"] = "account-password-policy",
        ["aws.iam.account_summary"] = "account-summary",
        ["aws.ec2.ebs_default_encryption"] = "ebs-encryption-by-default",
        ["aws.account.alternate_contact"] = "security",
        ["aws.iam.support_access_entities"] = "AWSSupportAccess",
        ["aws.ssm_incidents.response_plans"] = "response-plans",
        ["aws.drs.jobs"] = "drs-jobs",
        ["aws.macie.session"] = "macie",
    };

    private static readonly HashSet<string> K8sWorkloads = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController"];

    /// <summary>Elements kept of a top-level array that belongs to a single object (not a resource list).</summary>
    public const int MaxInlineArray = 100_000;

    private readonly ReaderContext context;
    private readonly long maxBytes;

    public ExportReader(ReaderContext context, long maxBytes = DefaultMaxInputBytes)
    {
        this.context = context;
        this.maxBytes = maxBytes;
    }

    /// <summary>Reads <paramref name="path"/>, calling <paramref name="sink"/> per resource; returns the input's
    /// name and SHA-256. Throws <see cref="InputException"/> on a malformed, truncated, oversized or unrecognised file.</summary>
    public CheckInput Read(string path, Action<Resource> sink)
    {
        var name = Path.GetFileName(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException(name, "", "file not found");
        }

        if (info.Length > maxBytes)
        {
            throw new InputException(name, "", $"the file is {info.Length} bytes; the limit is {maxBytes}");
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var hashing = new HashingStream(file);
        var emitted = 0L;
        void Emit(Resource r)
        {
            emitted++;
            sink(r);
        }

        try
        {
            if (IsCsv(path, file))
            {
                ReadCredentialReport(StrictText(hashing), name, Emit);
            }
            else
            {
                ReadJson(hashing, name, Emit);
            }
        }
        catch (InvalidOperationException ex) when (ex.InnerException is DecoderFallbackException)
        {
            // System.Text.Json checks a string's UTF-8 only when it is read as text (found by fuzzing, issue 16).
            throw new InputException(name, "", "the file is not valid UTF-8 text");
        }

        hashing.Drain();
        if (emitted == 0 && !context.TookSomething)
        {
            throw new InputException(name, "", "not a recognised export (AWS CLI JSON, Azure Resource Graph or az output, Microsoft Graph export, kubectl JSON, IAM credential report or a jikimi host facts file; see docs/checks.md)");
        }

        context.TookSomething = false;
        return new CheckInput(name, hashing.HashHex());
    }

    private static bool IsCsv(string path, FileStream file)
    {
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        Span<byte> head = stackalloc byte[9];
        var n = file.Read(head);
        file.Position = 0;
        return n == 9 && head.SequenceEqual("user,arn,"u8);
    }

    private void ReadJson(Stream stream, string name, Action<Resource> emit)
    {
        var top = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var call = CallOf(name);
        var scanner = new JsonTopLevelScanner(name);
        var sawArray = false;
        var otherArrays = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        scanner.Scan(stream, (property, value, fromArray, index) =>
        {
            if (!fromArray)
            {
                top[property!] = value.Clone();
                return;
            }

            if (property == "items" && call is { Call: "drs-describe-jobs" })
            {
                property = "jobs"; // Elastic Disaster Recovery lists its jobs under "items", as kubectl does
            }

            if (property is not null && !AwsArrays.ContainsKey(property) && property is not ("items" or "data" or "value" or "Reservations"))
            {
                // An array that only describes the single object around it (auditActionsAndGroups, …): keep it
                // for that object, within a bound.
                if (!otherArrays.TryGetValue(property, out var kept))
                {
                    otherArrays[property] = kept = [];
                }

                if (kept.Count >= MaxInlineArray)
                {
                    throw new InputException(name, $"element {index + 1} of '{property}'", $"more than {MaxInlineArray} elements in an array this reader does not stream");
                }

                kept.Add(value.Clone());
                return;
            }

            sawArray = true;
            var place = property is null ? $"element {index + 1} of the top-level array" : $"element {index + 1} of '{property}'";
            if (value.ValueKind != JsonValueKind.Object)
            {
                if (property is null || AwsArrays.ContainsKey(property) || property is "items" or "data" or "value")
                {
                    throw new InputException(name, place, $"expected an object, found {value.ValueKind}");
                }

                return;
            }

            if (property is not null && AwsArrays.TryGetValue(property, out var aws))
            {
                emit(new Resource(aws.Type, IdOf(value, aws.IdField, name, place), value));
                return;
            }

            switch (property)
            {
                case "items" or null when value.TryGetProperty("kind", out _) && value.TryGetProperty("apiVersion", out _):
                    Kubernetes(value, name, place, emit);
                    return;
                case "data" or "value" or null when IsAzure(value):
                    emit(new Resource(AzureType(value), value.GetProperty("id").GetString()!, value));
                    return;
                case "value" when top.TryGetValue("@odata.context", out var ctx) && ctx.ValueKind == JsonValueKind.String:
                    Graph(ctx.GetString()!, value, name, place, emit);
                    return;
                case "Reservations":
                    if (value.TryGetProperty("Instances", out var instances) && instances.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var i in instances.EnumerateArray())
                        {
                            emit(new Resource("aws.ec2.instance", IdOf(i, "InstanceId", name, place), i));
                        }
                    }

                    return;
                case null or "items" or "data" or "value":
                    throw new InputException(name, place, "not a recognised resource (no Kubernetes kind/apiVersion, no Azure id/type)");
            }
        });

        if (sawArray)
        {
            return;
        }

        // A single object: decide by the file name (AWS single-resource calls) or by its own keys.
        foreach (var (k, list) in otherArrays)
        {
            top[k] = JsonSerializer.SerializeToElement(list);
        }

        using var whole = Rebuild(top);
        var root = whole.RootElement;
        if (call is { } c && AwsCalls.TryGetValue(c.Call, out var type))
        {
            emit(new Resource(type, AwsSingleId(type, root, c.Resource, name), Unwrap(type, root)));
        }
        else if (top.TryGetValue("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == HostFacts.Kind)
        {
            var host = top.TryGetValue("hostname", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString()! : "host";
            emit(new Resource("host.linux", host, root));
        }
        else if (top.ContainsKey("PasswordPolicy"))
        {
            emit(new Resource("aws.iam.password_policy", "account-password-policy", root.GetProperty("PasswordPolicy")));
        }
        else if (top.ContainsKey("KeyMetadata"))
        {
            var meta = root.GetProperty("KeyMetadata");
            emit(new Resource("aws.kms.key", IdOf(meta, "KeyId", name, "'KeyMetadata'"), meta));
        }
        else if (top.ContainsKey("Content") && top.ContainsKey("ReportFormat"))
        {
            byte[] csv;
            try
            {
                csv = Convert.FromBase64String(root.GetProperty("Content").GetString() ?? "");
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                throw new InputException(name, "'Content'", "the credential report content is not base64");
            }

            ReadCredentialReport(StrictText(new MemoryStream(csv)), name, emit);
        }
        else if (top.ContainsKey("kind") && top.ContainsKey("apiVersion"))
        {
            Kubernetes(root, name, "", emit);
        }
        else if (IsAzure(root))
        {
            emit(new Resource(AzureType(root), root.GetProperty("id").GetString()!, root));
        }
        else if (top.ContainsKey("ServerSideEncryptionConfiguration") || top.ContainsKey("PublicAccessBlockConfiguration") || top.ContainsKey("IsLogging") || top.ContainsKey("KeyRotationEnabled"))
        {
            throw new InputException(name, "", "this AWS output does not name its resource; save it as <service>-<call>__<resource>.json (as scripts/collect/aws.sh does)");
        }
    }

    private static JsonElement Unwrap(string type, JsonElement root) => type switch
    {
        "aws.iam.password_policy" when root.TryGetProperty("PasswordPolicy", out var p) => p,
        "aws.kms.key" when root.TryGetProperty("KeyMetadata", out var k) => k,
        "aws.eks.cluster" when root.TryGetProperty("cluster", out var c) => c,
        _ => root,
    };

    private static string AwsSingleId(string type, JsonElement root, string? fromName, string file)
    {
        var body = Unwrap(type, root);
        if (AccountIds.TryGetValue(type, out var account))
        {
            return fromName ?? account;
        }

        if (body.ValueKind == JsonValueKind.Object)
        {
            foreach (var f in new[] { "KeyId", "name", "Name" })
            {
                if (body.TryGetProperty(f, out var v) && v.ValueKind == JsonValueKind.String)
                {
                    return v.GetString()!;
                }
            }
        }

        return fromName ?? throw new InputException(file, "", "this AWS output does not name its resource; save it as <service>-<call>__<resource>.json (as scripts/collect/aws.sh does)");
    }

    /// <summary>"s3api-get-bucket-encryption__my.bucket.json" → (s3api-get-bucket-encryption, my.bucket).</summary>
    private static (string Call, string? Resource)? CallOf(string fileName)
    {
        var stem = fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? fileName[..^5] : fileName;
        var sep = stem.IndexOf("__", StringComparison.Ordinal);
        var call = sep >= 0 ? stem[..sep] : stem;
        return AwsCalls.ContainsKey(call) ? (call, sep >= 0 ? stem[(sep + 2)..] : null) : null;
    }

    private static JsonDocument Rebuild(Dictionary<string, JsonElement> top)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            foreach (var (k, v) in top)
            {
                w.WritePropertyName(k);
                v.WriteTo(w);
            }

            w.WriteEndObject();
        }

        return JsonDocument.Parse(ms.ToArray());
    }

    private static string IdOf(JsonElement e, string field, string file, string place) =>
        e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0
            ? v.GetString()!
            : throw new InputException(file, place, $"missing '{field}'");

    private static bool IsAzure(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object
        && e.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString()!.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase)
        && e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String;

    private static string AzureType(JsonElement e) => "azure." + e.GetProperty("type").GetString()!.ToLowerInvariant();

    private void Graph(string odataContext, JsonElement value, string file, string place, Action<Resource> emit)
    {
        var id = IdOf(value, "id", file, place);
        if (odataContext.Contains("conditionalAccess/policies", StringComparison.OrdinalIgnoreCase))
        {
            context.AddConditionalAccessPolicy(value);
            emit(new Resource("entra.conditional_access_policy", id, value));
        }
        else if (odataContext.Contains("userRegistrationDetails", StringComparison.OrdinalIgnoreCase))
        {
            emit(new Resource("entra.user_registration", id, value));
        }
        else if (odataContext.Contains("directoryRoles", StringComparison.OrdinalIgnoreCase))
        {
            emit(new Resource("entra.directory_role", id, value));
        }
        else
        {
            throw new InputException(file, place, "a Microsoft Graph collection this reader does not know (expected conditionalAccess/policies or userRegistrationDetails)");
        }
    }

    private void Kubernetes(JsonElement obj, string file, string place, Action<Resource> emit)
    {
        var kind = obj.GetProperty("kind").GetString() ?? "";
        var meta = obj.TryGetProperty("metadata", out var m) ? m : default;
        var ns = meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("namespace", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
        var nm = meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("name", out var x) && x.ValueKind == JsonValueKind.String ? x.GetString()! : "";
        if (nm.Length == 0)
        {
            throw new InputException(file, place, $"a {kind} without metadata.name");
        }

        var id = ns.Length > 0 ? $"{ns}/{kind}/{nm}" : $"{kind}/{nm}";
        if (kind == "List")
        {
            throw new InputException(file, place, "a List inside a List");
        }

        if (kind == "Secret")
        {
            // Never read secret values: only the fact that the namespace exists.
            context.SawNamespace(ns);
            return;
        }

        if (K8sWorkloads.Contains(kind))
        {
            context.SawWorkload(ns);
            var podSpec = kind switch
            {
                "Pod" => Get(obj, "spec"),
                "CronJob" => Get(Get(Get(Get(Get(obj, "spec"), "jobTemplate"), "spec"), "template"), "spec"),
                _ => Get(Get(Get(obj, "spec"), "template"), "spec"),
            };
            if (podSpec.ValueKind != JsonValueKind.Object)
            {
                throw new InputException(file, place, $"{kind} {nm} has no pod template spec");
            }

            using var view = WorkloadView(kind, ns, nm, meta, podSpec);
            emit(new Resource("k8s.workload", id, view.RootElement));
            return;
        }

        if (kind == "Namespace")
        {
            context.SawNamespace(nm);
        }
        else if (kind == "NetworkPolicy")
        {
            context.SawNetworkPolicy(ns);
        }

        emit(new Resource("k8s." + kind.ToLowerInvariant(), id, obj));
    }

    private static JsonElement Get(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    private static JsonDocument WorkloadView(string kind, string ns, string name, JsonElement meta, JsonElement podSpec)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteString("kind", kind);
            w.WriteString("namespace", ns);
            w.WriteString("name", name);
            if (meta.ValueKind == JsonValueKind.Object)
            {
                w.WritePropertyName("metadata");
                meta.WriteTo(w);
            }

            w.WritePropertyName("podSpec");
            podSpec.WriteTo(w);
            w.WriteEndObject();
        }

        return JsonDocument.Parse(ms.ToArray());
    }

    /// <summary>Strict UTF-8 (the edge's decoder; a BOM is skipped by the CSV reader); the stream stays open.</summary>
    private static StreamReader StrictText(Stream stream) =>
        new(stream, Jikimi.Input.InputText.StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);

    /// <summary>The CSV rows of <paramref name="text"/> through the edge's one CSV reader (RFC 4180, field and row
    /// limits); a failure becomes this project's <see cref="InputException"/> with the file and the place.</summary>
    private static IEnumerable<(long Row, string[] Fields)> CsvRows(TextReader text, string file)
    {
        var options = new Jikimi.Input.InputLimits().Csv(file) with { HasHeader = false, SkipBlankLines = false };
        using var reader = Jikimi.Input.CsvReader.FromReader(text, options);
        Jikimi.Input.CsvRow? row;
        while (Read(reader, file, out row))
        {
            yield return (row.Row, row.Fields.ToArray());
        }

        static bool Read(Jikimi.Input.CsvReader reader, string file, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Jikimi.Input.CsvRow? row)
        {
            bool ok;
            try
            {
                ok = reader.TryRead(out row);
            }
            catch (DecoderFallbackException)
            {
                throw new InputException(file, "", "the file is not UTF-8");
            }

            if (!ok && reader.Error is { } e)
            {
                // The edge's message is "<place>: <problem>"; this project's exception carries them apart.
                var place = e.Place ?? new Jikimi.Input.InputPlace(file);
                var prefix = place.ToString() + ": ";
                var problem = e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
                throw new InputException(file, (place with { File = null }).ToString(), problem);
            }

            return ok;
        }
    }

    private static void ReadCredentialReport(TextReader text, string file, Action<Resource> emit)
    {
        string[]? header = null;
        foreach (var (row, fields) in CsvRows(text, file))
        {
            if (header is null)
            {
                header = fields;
                if (header.Length < 8 || header[0] != "user" || header[1] != "arn" || !header.Contains("mfa_active"))
                {
                    throw new InputException(file, "row 1", "not an IAM credential report (expected the header user,arn,…,mfa_active,…)");
                }

                continue;
            }

            if (fields.Length == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Length != header.Length)
            {
                throw new InputException(file, $"row {row}", $"{fields.Length} fields where the header has {header.Length} (truncated?)");
            }

            using var ms = new MemoryStream();
            using (var w = new Utf8JsonWriter(ms))
            {
                w.WriteStartObject();
                for (var i = 0; i < header.Length; i++)
                {
                    switch (fields[i])
                    {
                        case "true":
                            w.WriteBoolean(header[i], true);
                            break;
                        case "false":
                            w.WriteBoolean(header[i], false);
                            break;
                        default:
                            w.WriteString(header[i], fields[i]);
                            break;
                    }
                }

                w.WriteEndObject();
            }

            using var doc = JsonDocument.Parse(ms.ToArray());
            emit(new Resource("aws.iam.credential_report", fields[0], doc.RootElement));
        }

        if (header is null)
        {
            throw new InputException(file, "", "the file is empty");
        }
    }

    /// <summary>Hashes what passes through, so the input's SHA-256 costs no second read.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            hash.AppendData(buffer, offset, n);
            return n;
        }

        public void Drain()
        {
            var buf = new byte[81920];
            while (Read(buf, 0, buf.Length) > 0)
            {
            }
        }

        public string HashHex() => Convert.ToHexStringLower(hash.GetHashAndReset());

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
