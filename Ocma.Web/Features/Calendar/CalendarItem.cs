using Ocma.Core.Posts;

namespace Ocma.Web.Features.Calendar;

/// <summary>One target on the calendar, at its wall-clock time in the brand's zone.</summary>
/// <param name="Zone">The drop zone it sits in for the view shown (see <see cref="CalendarZones"/>).</param>
/// <param name="StateText">The state in words, e.g. "In review" or "Missed its time: not approved before 09:00 Tue 24 Nov".</param>
public sealed record CalendarItem(int TargetId, int PostId, DateTime Local, string Text, TargetState State, string ChannelLabel, DateTime DueUtc, string FullText, string StateText, string Zone)
{
    public string StateClass => "state-" + State.ToString().ToLowerInvariant();
}
