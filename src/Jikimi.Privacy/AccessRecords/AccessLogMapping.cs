using System.Text.Json;

namespace Jikimi.Privacy.AccessRecords;

/// <summary>The log formats a system's access records can arrive in.</summary>
public enum AccessLogFormat
{
    Csv = 0,
    Tsv = 1,
    JsonLines = 2,
    Syslog3164 = 3,
    Syslog5424 = 4,
    Combined = 5,
    W3cExtended = 6,
    PostgresCsv = 7,
    MysqlAuditJson = 8,
}

/// <summary>What the processor did (수행업무): 조회·입력·변경·삭제·출력·다운로드, or another task.</summary>
public enum AccessAction : byte
{
    Unknown = 0,
    View = 1,
    Input = 2,
    Change = 3,
    Delete = 4,
    Print = 5,
    Download = 6,
    Other = 7,
}

public static class AccessLogFormats
{
    private static readonly (AccessLogFormat Format, string Wire)[] Wires =
    [
        (AccessLogFormat.Csv, "csv"), (AccessLogFormat.Tsv, "tsv"), (AccessLogFormat.JsonLines, "jsonl"),
        (AccessLogFormat.Syslog3164, "syslog-3164"), (AccessLogFormat.Syslog5424, "syslog-5424"), (AccessLogFormat.Combined, "combined"),
        (AccessLogFormat.W3cExtended, "w3c"), (AccessLogFormat.PostgresCsv, "postgres-csv"), (AccessLogFormat.MysqlAuditJson, "mysql-audit-json"),
    ];

    public static IEnumerable<string> WireNames => Wires.Select(w => w.Wire);

    public static string ToWire(this AccessLogFormat f) => Wires.First(w => w.Format == f).Wire;

    public static bool TryParse(string? text, out AccessLogFormat format)
    {
        foreach (var (f, wire) in Wires)
        {
            if (string.Equals(wire, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                format = f;
                return true;
            }
        }

        format = default;
        return false;
    }

    public static string ToWire(this AccessAction a) => a switch
    {
        AccessAction.View => "view",
        AccessAction.Input => "input",
        AccessAction.Change => "change",
        AccessAction.Delete => "delete",
        AccessAction.Print => "print",
        AccessAction.Download => "download",
        AccessAction.Other => "other",
        _ => "unknown",
    };

    public static string TitleKo(this AccessAction a) => a switch
    {
        AccessAction.View => "조회",
        AccessAction.Input => "입력",
        AccessAction.Change => "변경",
        AccessAction.Delete => "삭제",
        AccessAction.Print => "출력",
        AccessAction.Download => "다운로드",
        AccessAction.Other => "기타",
        _ => "알 수 없음",
    };

    public static bool TryParseAction(ReadOnlySpan<char> text, out AccessAction action)
    {
        foreach (var a in Enum.GetValues<AccessAction>())
        {
            if (a != AccessAction.Unknown && (text.Equals(a.ToWire(), StringComparison.OrdinalIgnoreCase) || text.Equals(a.TitleKo(), StringComparison.Ordinal)))
            {
                action = a;
                return true;
            }
        }

        action = AccessAction.Unknown;
        return false;
    }
}

/// <summary>
/// How a system's log maps onto the five required items of an access record — account (계정), time (접속일시), source
/// (접속지 정보), subject (처리한 정보주체 정보), action (수행업무) — and the optional record count, file name and reason.
/// Each item names a field of the format (a CSV column, a JSON key, a syslog key=value or structured-data parameter, a
/// W3C field or a fixed field of the format); <see cref="Actions"/> maps the system's own action words to ours.
/// Fixed formats start from <see cref="DefaultsFor"/>, so a mapping names only what differs.
/// </summary>
public sealed record AccessLogMapping(
    string? Account, string? Time, string? Source, string? Subject, string? Action,
    string? Records, string? File, string? Reason,
    IReadOnlyDictionary<string, AccessAction> Actions, TimeSpan Offset)
{
    public const int MaxFieldName = 100;
    public const int MaxActions = 200;

    /// <summary>Local times without an offset are read in this zone (Korea Standard Time unless the mapping says otherwise).</summary>
    public static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    public static readonly string[] Items = ["account", "time", "source", "subject", "action", "records", "file", "reason"];

    public static readonly string[] RequiredItems = ["account", "time", "source", "subject", "action"];

    public string? this[string item] => item switch
    {
        "account" => Account,
        "time" => Time,
        "source" => Source,
        "subject" => Subject,
        "action" => Action,
        "records" => Records,
        "file" => File,
        "reason" => Reason,
        _ => null,
    };

    /// <summary>What each fixed format offers without a mapping.</summary>
    public static AccessLogMapping DefaultsFor(AccessLogFormat format) => format switch
    {
        AccessLogFormat.Combined => Of(account: "remote_user", time: "time_local", source: "remote_addr", subject: null, action: "method"),
        AccessLogFormat.W3cExtended => Of(account: "cs-username", time: "date time", source: "c-ip", subject: null, action: "cs-method", TimeSpan.Zero),
        AccessLogFormat.PostgresCsv => Of(account: "user_name", time: "log_time", source: "connection_from", subject: null, action: "command_tag"),
        AccessLogFormat.MysqlAuditJson => Of(account: "account.user", time: "timestamp", source: "login.ip", subject: null, action: "general_data.sql_command", TimeSpan.Zero),
        AccessLogFormat.Syslog3164 or AccessLogFormat.Syslog5424 => Of(account: null, time: "timestamp", source: "hostname", subject: null, action: null),
        _ => Of(null, null, null, null, null),
    };

    // IIS writes W3C times in UTC and MySQL Enterprise Audit writes UTC timestamps, both without an offset.
    private static AccessLogMapping Of(string? account, string? time, string? source, string? subject, string? action, TimeSpan? offset = null) =>
        new(account, time, source, subject, action, null, null, null, DefaultActions, offset ?? Kst);

    /// <summary>Common words of SQL, HTTP and Korean products for the six tasks; a mapping adds to or overrides these.</summary>
    public static readonly IReadOnlyDictionary<string, AccessAction> DefaultActions = new Dictionary<string, AccessAction>(StringComparer.OrdinalIgnoreCase)
    {
        ["select"] = AccessAction.View, ["get"] = AccessAction.View, ["read"] = AccessAction.View, ["view"] = AccessAction.View, ["조회"] = AccessAction.View,
        ["insert"] = AccessAction.Input, ["post"] = AccessAction.Input, ["create"] = AccessAction.Input, ["input"] = AccessAction.Input, ["입력"] = AccessAction.Input,
        ["update"] = AccessAction.Change, ["put"] = AccessAction.Change, ["patch"] = AccessAction.Change, ["change"] = AccessAction.Change, ["변경"] = AccessAction.Change, ["수정"] = AccessAction.Change,
        ["delete"] = AccessAction.Delete, ["삭제"] = AccessAction.Delete,
        ["print"] = AccessAction.Print, ["출력"] = AccessAction.Print,
        ["download"] = AccessAction.Download, ["export"] = AccessAction.Download, ["다운로드"] = AccessAction.Download,
        ["other"] = AccessAction.Other, ["기타"] = AccessAction.Other,
    };

    /// <summary>The action of a system's word: the mapping's own words first, then the defaults; anything else is Other.</summary>
    public AccessAction ActionOf(string word)
    {
        if (word.Length == 0)
        {
            return AccessAction.Unknown;
        }

        return Actions.TryGetValue(word, out var a) || DefaultActions.TryGetValue(word, out a) ? a : AccessAction.Other;
    }

    /// <summary>
    /// Reads a mapping from JSON (<c>{"account":"user_id","time":"ts",…,"actions":{"SEL":"view"},"offset":"+09:00"}</c>)
    /// over the format's defaults. Unknown keys, unknown action words and bad offsets are refused with the key named.
    /// </summary>
    public static MappingResult Parse(AccessLogFormat format, string? json)
    {
        var m = DefaultsFor(format);
        if (string.IsNullOrWhiteSpace(json))
        {
            return Check(format, m);
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException e)
        {
            return new MappingResult(null, "mapping", $"The mapping is not JSON: {e.Message}");
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new MappingResult(null, "mapping", "The mapping must be a JSON object.");
            }

            var fields = Items.ToDictionary(i => i, i => m[i], StringComparer.Ordinal);
            var actions = new Dictionary<string, AccessAction>(StringComparer.OrdinalIgnoreCase);
            var offset = m.Offset;
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (fields.ContainsKey(p.Name))
                {
                    if (p.Value.ValueKind == JsonValueKind.Null)
                    {
                        fields[p.Name] = null;
                        continue;
                    }

                    if (p.Value.ValueKind != JsonValueKind.String || p.Value.GetString()!.Trim() is not { Length: > 0 and <= MaxFieldName } name)
                    {
                        return new MappingResult(null, p.Name, $"{p.Name} must name a field of the log (1–{MaxFieldName} characters).");
                    }

                    fields[p.Name] = name;
                }
                else if (p.Name == "actions")
                {
                    if (p.Value.ValueKind != JsonValueKind.Object)
                    {
                        return new MappingResult(null, "actions", "actions must map the system's words to view, input, change, delete, print, download or other.");
                    }

                    foreach (var a in p.Value.EnumerateObject())
                    {
                        if (a.Value.ValueKind != JsonValueKind.String || !AccessLogFormats.TryParseAction(a.Value.GetString(), out var action) || a.Name.Length is 0 or > MaxFieldName)
                        {
                            return new MappingResult(null, "actions", $"actions.{a.Name} must be view, input, change, delete, print, download or other.");
                        }

                        actions[a.Name] = action;
                    }

                    if (actions.Count > MaxActions)
                    {
                        return new MappingResult(null, "actions", $"At most {MaxActions} action words.");
                    }
                }
                else if (p.Name == "offset")
                {
                    if (p.Value.ValueKind != JsonValueKind.String || !TryParseOffset(p.Value.GetString()!, out offset))
                    {
                        return new MappingResult(null, "offset", "offset must look like +09:00 or Z.");
                    }
                }
                else
                {
                    return new MappingResult(null, p.Name, $"Unknown mapping key '{p.Name}'; known: {string.Join(", ", Items)}, actions, offset.");
                }
            }

            m = new AccessLogMapping(fields["account"], fields["time"], fields["source"], fields["subject"], fields["action"], fields["records"], fields["file"], fields["reason"], actions, offset);
            return Check(format, m);
        }
    }

    private static MappingResult Check(AccessLogFormat format, AccessLogMapping m)
    {
        // A header-based format cannot guess: account and time must be named. The rest may be missing and then
        // counts as a completeness gap (2.9.4) rather than a refusal, because some systems truly lack an item.
        if (format is AccessLogFormat.Csv or AccessLogFormat.Tsv or AccessLogFormat.JsonLines && (m.Account is null || m.Time is null))
        {
            return new MappingResult(null, m.Account is null ? "account" : "time", "A CSV, TSV or JSON-lines mapping must name at least the account and time fields.");
        }

        return new MappingResult(m, null, null);
    }

    public static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text is "Z" or "z" or "UTC")
        {
            return true;
        }

        if (text.Length == 6 && (text[0] is '+' or '-') && text[3] == ':' && int.TryParse(text.AsSpan(1, 2), out var h) && int.TryParse(text.AsSpan(4, 2), out var min) && h <= 14 && min < 60)
        {
            offset = new TimeSpan(h, min, 0) * (text[0] == '-' ? -1 : 1);
            return true;
        }

        return false;
    }

    /// <summary>The mapping as stored (only what differs from the format's defaults is not worth the code: all items are written).</summary>
    public string ToJson()
    {
        var o = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var i in Items)
        {
            o[i] = this[i];
        }

        o["actions"] = Actions.ToDictionary(a => a.Key, a => a.Value.ToWire());
        o["offset"] = Offset == TimeSpan.Zero ? "Z" : $"{(Offset < TimeSpan.Zero ? '-' : '+')}{Offset.Duration():hh\\:mm}";
        return JsonSerializer.Serialize(o);
    }
}

/// <summary>A parsed mapping, or the key that is wrong and why.</summary>
public sealed record MappingResult(AccessLogMapping? Mapping, string? Field, string? Problem);
