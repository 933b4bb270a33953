namespace Jikimi.Application.AuditTrail;

/// <summary>Stable audit codes of access-record keeping (접속기록). Add new ones; never rename.</summary>
public static partial class AuditActions
{
    public const string ProcessingSystemRegistered = "processing_system.registered";
    public const string ProcessingSystemUpdated = "processing_system.updated";
    public const string ProcessingSystemFormatSet = "processing_system.format_set";
    public const string AccessRecordsIngested = "access_records.ingested";
    public const string AccessRecordsPurged = "access_records.purged";
}
