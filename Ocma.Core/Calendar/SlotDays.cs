namespace Ocma.Core.Calendar;

/// <summary>The days of the week a posting slot applies to.</summary>
[Flags]
public enum SlotDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    Weekdays = Monday | Tuesday | Wednesday | Thursday | Friday,
    Weekend = Saturday | Sunday,
    EveryDay = Weekdays | Weekend,
}

public static class SlotDaysExtensions
{
    public static SlotDays ToSlotDay(this DayOfWeek day) => day == DayOfWeek.Sunday ? SlotDays.Sunday : (SlotDays)(1 << ((int)day - 1));

    public static bool Includes(this SlotDays days, DayOfWeek day) => (days & day.ToSlotDay()) != 0;

    /// <summary>"Weekdays", "Every day", or "Mon, Wed, Fri".</summary>
    public static string Describe(this SlotDays days) => days switch
    {
        SlotDays.EveryDay => "Every day",
        SlotDays.Weekdays => "Weekdays",
        SlotDays.Weekend => "Weekends",
        _ => string.Join(", ", Enum.GetValues<DayOfWeek>().OrderBy(d => ((int)d + 6) % 7).Where(d => days.Includes(d)).Select(d => d.ToString()[..3])),
    };
}
