using Ocma.Core.Posts;

namespace Ocma.Web.Features.Calendar;

/// <summary>One target on the calendar, with start and end in the brand's wall-clock time.</summary>
/// <param name="StateText">The state in words, e.g. "In review" or "Missed its time: not approved before 09:00 Tue 24 Nov".</param>
public sealed record CalendarItem(int TargetId, int PostId, DateTime Start, DateTime End, string Text, TargetState State, string ChannelLabel, DateTime DueUtc, string FullText, string StateText);
