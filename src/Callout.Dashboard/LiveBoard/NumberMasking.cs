using Callout.Dashboard.Contracts;

namespace Callout.Dashboard.LiveBoard;

/// <summary>
/// Masks destination numbers in a snapshot before it leaves the server, so a viewer who may not see
/// them never receives them: not in the page, not in the JSON, not in a hub message.
/// </summary>
public static class NumberMasking
{
    public static BoardSnapshot Mask(BoardSnapshot snapshot) =>
        BoardLists.All.Aggregate(snapshot, (masked, list) => list.MaskNumbers(masked, MaskedOrBlank));

    private static string? MaskedOrBlank(string? number) => string.IsNullOrWhiteSpace(number) ? number : Masked(number);

    /// <summary>
    /// Only the country code and the last three digits show (4722222222 → +47 ••• •• 222), enough to tell calls
    /// apart without exposing the customer.
    /// </summary>
    public static string Masked(string number)
    {
        var digits = new string([.. number.Where(char.IsAsciiDigit)]);
        if (digits.Length < 6)
        {
            return "•••";
        }
        // A country code has one to three digits; a longer number (an extension, a dialler prefix) shows no more.
        var country = digits.Length is > 8 and <= 11 ? "+" + digits[..(digits.Length - 8)] + " " : "";
        return $"{country}••• •• {digits[^3..]}";
    }
}
