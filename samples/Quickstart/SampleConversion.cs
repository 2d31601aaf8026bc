namespace Quickstart;

/// <summary>A purchase as the quickstart pretends to receive it, and how far along the pipeline it should end up.</summary>
public sealed record SampleConversion(
    string ConversionCode,
    string FirstName,
    string LastName,
    string Email,
    string Phone,
    string UtmSource,
    int TargetStageIndex)
{
    /// <summary>The handful of conversions the quickstart upserts; the codes are stable so reruns find the same entries.</summary>
    public static IReadOnlyList<SampleConversion> All { get; } =
    [
        new("qs-conv-1001", "Jane", "Doe", "jane@example.com", "+15551234567", "Facebook", 0),
        new("qs-conv-1002", "John", "Smith", "john@example.com", "+15557654321", "Google", 1),
        new("qs-conv-1003", "Ana", "García", "ana@example.com", "+34600111222", "Organic", 1),
        new("qs-conv-1004", "Li", "Wei", "li@example.com", "+8613800000000", "Referral", 2),
        new("qs-conv-1005", "Sam", "Taylor", "sam@example.com", "+447700900123", "Facebook", 3),
    ];

    public string Title => $"{FirstName} {LastName}";
}
