namespace Callout.Dashboard.Domain;

/// <summary>A Raw data row the Board could not take at face value. Detail names ids and columns, never personal data.</summary>
public sealed record RowAnomaly(string Kind, string Detail)
{
    public const string UnknownResultCode = "unknown-result-code";
    public const string MissingQueueKey = "queue-event-without-queue-key";
    public const string MissingCiq = "conversation-without-ciq";
    public const string OversizedSource = "oversized-source";
    public const string MissingInitiation = "queue-event-without-initiation";
    public const string NegativeDuration = "negative-duration";
    public const string ImplausibleDate = "implausible-date";
    public const string DuplicateRecId = "duplicate-rec-id";
    public const string UnreadableValue = "unreadable-value";
}
