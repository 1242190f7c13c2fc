using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ocma.Core.Identity;
using Ocma.Web.Components.Shared;

namespace Ocma.Web.Features.Admin;

public partial class AddPersonForm
{
    private static readonly EmailAddressAttribute EmailRule = new();
    private MudForm? _form;
    private string? _email;
    private string? _password;
    private string _role = Roles.Editor;
    private bool _byInvite = true;
    private string? _error;
    private IReadOnlyList<Ocma.Core.Brands.Brand> _brands = [];
    private Dictionary<int, string> _brandRoles = [];

    /// <summary>Someone was added; carries their invite link when they were invited.</summary>
    [Parameter]
    public EventCallback<Invitation?> Added { get; set; }

    [Inject] private UserService Users { get; set; } = default!;
    [Inject] private InviteService Invites { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private Ocma.Core.Brands.BrandService BrandList { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _brands = await BrandList.ListAsync(CancellationToken.None);
        RoleChosen();
    }

    /// <summary>A new role applies to every brand picked so far (every brand at first); single brands can then differ.</summary>
    private void RoleChosen()
    {
        var brands = _brandRoles.Count == 0 ? _brands.Select(b => b.Id) : _brandRoles.Keys.ToList();
        _brandRoles = _role == Roles.Admin ? _brandRoles : brands.ToDictionary(id => id, _ => _role);
    }

    private IReadOnlyDictionary<int, string>? BrandRoles => _role == Roles.Admin ? null : _brandRoles;

    private static string? EmailProblem(string? email) =>
        string.IsNullOrWhiteSpace(email) ? "Enter their email address." : EmailRule.IsValid(email.Trim()) ? null : "Enter a valid email address, like ana@example.com.";

    private async Task AddAsync()
    {
        _error = null;
        await _form!.ValidateAsync();
        if (!_form.IsValid)
        {
            return;
        }

        var email = _email!.Trim();
        var actor = await CurrentActor.GetAsync();
        if (_byInvite)
        {
            var invited = await Invites.InviteAsync(email, _role, actor, CancellationToken.None, BrandRoles);
            await DoneAsync(invited.Error, $"{email} is invited as {_role}. Copy the link below and pass it on.", invited.Succeeded ? invited.Value : null);
            return;
        }

        var created = await Users.CreateAsync(email, _password ?? "", _role, actor, CancellationToken.None, BrandRoles);
        await DoneAsync(created.Error, created.Succeeded ? $"{created.Value.Email} can now sign in as {created.Value.Role}." : "", null);
    }

    private async Task DoneAsync(string? error, string success, Invitation? invitation)
    {
        _error = error; // shown with the form: a taken address or a weak password is what the Admin fixes here
        if (error is not null)
        {
            return;
        }

        Snackbar.Add(success, Severity.Success);
        (_email, _password) = (null, null);
        await _form!.ResetValidationAsync();
        await Added.InvokeAsync(invitation);
    }
}
