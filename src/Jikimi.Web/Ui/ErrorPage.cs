using System.Net;

namespace Jikimi.Web.Ui;

/// <summary>A plain HTML page for errors on page routes (the API answers with problem details instead).</summary>
public static class ErrorPage
{
    public static async Task WriteAsync(HttpContext http, int status)
    {
        var (ko, en) = status switch
        {
            400 => ("요청을 처리할 수 없습니다.", "The request could not be processed."),
            403 => ("이 페이지를 볼 권한이 없습니다.", "You may not open this page."),
            404 => ("페이지를 찾을 수 없습니다.", "Page not found."),
            413 => ("파일이 너무 큽니다.", "The file is too large."),
            429 => ("요청이 너무 많습니다. 잠시 후 다시 시도하세요.", "Too many requests; wait a minute."),
            _ => ("서버에서 문제가 생겼습니다. 기록되었습니다.", "Something went wrong on the server; it has been logged."),
        };
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        var lang = Lang.Code;
        var text = WebUtility.HtmlEncode(Lang.L(ko, en));
        var home = WebUtility.HtmlEncode(Lang.L("처음으로", "Home"));
        var css = http.RequestServices.GetRequiredService<StaticAssets>().Url("css/site.css");
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{status} · Jikimi</title><link rel="stylesheet" href="{css}"></head>
            <body class="bare"><main class="card narrow" id="main"><h1>{status}</h1><p>{text}</p><p><a href="/">{home}</a></p></main></body></html>
            """);
    }
}
