namespace Ocma.Core.Channels;

public enum ChannelStatus
{
    Active,
    NeedsReconnect,
    Disabled,
}
