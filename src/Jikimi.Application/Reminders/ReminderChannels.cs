using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Reminders;

/// <summary>What a channel delivers. Recipients are e-mail addresses (only the e-mail channel uses them).</summary>
public sealed record ReminderMessage(Guid Id, Guid OrganizationId, string OrganizationName, string Kind, string SubjectType, Guid SubjectId, DateTime DueAt, string Title, string Body, IReadOnlyList<string> Recipients);

/// <summary>One way of delivering a reminder. Throwing means "not delivered": the reminder is retried.</summary>
public interface IReminderChannel
{
    string Name { get; }

    Task DeliverAsync(ReminderMessage message, CancellationToken ct);
}

public static class ReminderChannels
{
    public const string InApp = "in-app";
    public const string Email = "email";
    public const string Webhook = "webhook";
    public const string SignatureHeader = "X-Jikimi-Signature";

    public static string Sign(string secret, byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}

/// <summary>In-app: the sent row itself is the notification (GET …/notifications).</summary>
internal sealed class InAppChannel : IReminderChannel
{
    public string Name => ReminderChannels.InApp;

    public Task DeliverAsync(ReminderMessage message, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Webhook: JSON POST signed with HMAC-SHA256 over the exact body bytes.</summary>
internal sealed class WebhookChannel(IOptions<ReminderOptions> options) : IReminderChannel
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(15) };
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => ReminderChannels.Webhook;

    public async Task DeliverAsync(ReminderMessage m, CancellationToken ct)
    {
        var settings = options.Value.Webhook;
        var body = JsonSerializer.SerializeToUtf8Bytes(new { m.Id, m.OrganizationId, m.Kind, m.SubjectType, m.SubjectId, m.DueAt, m.Title, m.Body }, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Jikimi-Delivery", m.Id.ToString());
        if (!string.IsNullOrEmpty(settings.Secret))
        {
            request.Headers.Add(ReminderChannels.SignatureHeader, ReminderChannels.Sign(settings.Secret, body));
        }

        using var response = await Http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"webhook answered {(int)response.StatusCode}");
        }
    }
}
