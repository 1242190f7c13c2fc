namespace Ocma.Web.Features.Media;

public enum UploadStatus
{
    Waiting,
    Uploading,
    Added,
    Refused,
}

/// <summary>One file of an upload round: how far it has got, and why it was refused if it was.</summary>
public sealed class UploadItem(string name)
{
    public string Name { get; } = name;

    public double Percent { get; set; }

    public UploadStatus Status { get; set; }

    public string? Problem { get; private set; }

    public string StatusText => Status switch
    {
        UploadStatus.Waiting => "Waiting",
        UploadStatus.Uploading => $"{Percent:0}%",
        UploadStatus.Added => "Added",
        _ => "Not added",
    };

    public void Done() => (Status, Percent) = (UploadStatus.Added, 100);

    public void Refuse(string problem) => (Status, Percent, Problem) = (UploadStatus.Refused, 100, problem);
}
