using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ocma.Core.Brands;
using Ocma.Core.Media;
using Ocma.Web.Components.Shared;

namespace Ocma.Web.Features.Media;

/// <summary>The brand's library, a page at a time from the database: searched, filtered and sorted there.</summary>
public sealed partial class MediaPage
{
    private static readonly Dictionary<string, MediaSortBy> SortColumns = new()
    {
        [nameof(MediaListItem.FileName)] = MediaSortBy.Name,
        [nameof(MediaListItem.Length)] = MediaSortBy.Size,
        [nameof(MediaListItem.UploadedUtc)] = MediaSortBy.Uploaded,
    };

    private MudDataGrid<MediaListItem>? _grid;
    private Brand? _brand;
    private bool _canEdit;
    private string? _search;
    private string _type = "";
    private MediaFilter _filter = MediaFilter.All;
    private int _total;

    [Inject] private CurrentBrand CurrentBrand { get; set; } = default!;
    [Inject] private MediaLibraryService Library { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _type.Length > 0 || _filter != MediaFilter.All;

    protected override async Task OnInitializedAsync()
    {
        _brand = await CurrentBrand.GetAsync();
        _canEdit = (await CurrentActor.GetAsync()).CanCompose;
    }

    private async Task<GridData<MediaListItem>> LoadPageAsync(GridState<MediaListItem> state, CancellationToken cancellationToken)
    {
        var sortedBy = state.SortDefinitions.FirstOrDefault();
        var sort = sortedBy is not null && SortColumns.TryGetValue(sortedBy.SortBy, out var by) ? new MediaSort(by, sortedBy.Descending) : new MediaSort();
        var query = new MediaQuery(_brand!.Id, _search, _type.Length == 0 ? null : _type, _filter);
        var page = await Library.PageAsync(query, sort, state.Page * state.PageSize, state.PageSize, cancellationToken);
        _total = page.Total;
        return new GridData<MediaListItem> { Items = page.Items, TotalItems = page.Total };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private async Task OnUploadedAsync(MediaAsset asset)
    {
        Snackbar.Add($"Added '{asset.FileName}' ({asset.Width}×{asset.Height}).{(asset.AltText is null ? " Describe it with alt text below." : "")}", Severity.Success);
        await ReloadAsync();
    }

    private async Task DeleteAsync(MediaListItem item)
    {
        if (!await Dialogs.ConfirmAsync("Delete from the library", $"Delete '{item.FileName}'? This cannot be undone.", "Delete", "Keep it"))
        {
            return;
        }

        var result = await Library.DeleteAsync(item.Id, await CurrentActor.GetAsync(), CancellationToken.None);
        Snackbar.Add(result.Succeeded ? $"Deleted '{result.Value}'." : result.Error!, result.Succeeded ? Severity.Success : Severity.Error);
        await ReloadAsync();
    }
}
