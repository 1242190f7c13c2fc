namespace Ocma.Core.Posts;

/// <summary>Whether a row belongs in an Activity list narrowed by <see cref="ActivityFilter"/>, decided in memory for live changes.</summary>
public static class ActivityMatch
{
    public static bool Shows(ActivityFilter filter, TargetView row)
    {
        if (filter.State is TargetState state && row.State != state)
        {
            return false;
        }

        if (filter.ChannelId is int channelId && row.ChannelId != channelId)
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(filter.Search))
        {
            return true;
        }

        var words = filter.Search.Trim();
        return row.Text.Contains(words, StringComparison.OrdinalIgnoreCase) || row.AuthorName.Contains(words, StringComparison.OrdinalIgnoreCase);
    }
}
