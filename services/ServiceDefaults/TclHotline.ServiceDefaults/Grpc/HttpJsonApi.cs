using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi.Models;

namespace TclHotline.ServiceDefaults.Grpc;

/// <summary>
/// HTTP/JSON beside gRPC, for call-centre CRMs and web desks that cannot speak gRPC: the RPCs whose proto carries a
/// <c>google.api.http</c> route are also served as JSON by gRPC JSON transcoding. They run the same service method
/// behind the same interceptors, [Authorize] roles and branch checks, so the two doors cannot drift apart.
/// The OpenAPI document (<see cref="DocumentPath"/>) and the reference page (<see cref="ReferencePath"/>) describe them.
/// </summary>
public static class HttpJsonApi
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/" + DocumentName + ".json";
    public const string ReferencePath = "/api";

    private const string PageResource = "TclHotline.ServiceDefaults.Grpc.api.html";

    public static void AddHttpApi(this WebApplicationBuilder builder, IGrpcServerBuilder grpc)
    {
        grpc.AddJsonTranscoding();
        builder.Services.AddGrpcSwagger();
        builder.Services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "TclHotline HTTP/JSON API",
                Version = DocumentName,
                Description = "The read side of the gRPC services as JSON. Every call needs a bearer token (Authorization: Bearer <jwt>); "
                    + "roles and branch scope are those of the gRPC API.",
            });
            // Services share message names (intake's and dispatch's OrderType): name schemas by namespace too.
            o.CustomSchemaIds(type => (type.FullName ?? type.Name).Replace("TclHotline.Grpc.", "", StringComparison.Ordinal).Replace('+', '.'));
            o.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
            });
            o.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" } }] = [],
            });
            // The proto comments, compiled into the contracts' XML documentation, become the operations' descriptions.
            var comments = Path.Combine(AppContext.BaseDirectory, "TclHotline.Grpc.xml");
            if (File.Exists(comments))
            {
                o.IncludeXmlComments(comments);
                o.IncludeGrpcXmlComments(comments, includeControllerXmlComments: true);
            }
        });
    }

    /// <summary>
    /// The document and the page list every route, so they follow the reflection rule: open where developers run
    /// the hosts; in Production only when <c>Grpc:EnableReflection</c> is set, and then for signed-in callers.
    /// </summary>
    public static void MapHttpApiDescription(this WebApplication app)
    {
        var open = !app.Environment.IsProduction();
        if (!open && !app.Configuration.GetValue<bool>("Grpc:EnableReflection")) return;

        var page = LoadPage();
        var document = app.MapSwagger("/openapi/{documentName}.json");
        var reference = app.MapGet(ReferencePath, () => Results.Content(page, "text/html; charset=utf-8"));
        if (open)
        {
            document.AllowAnonymous();
            reference.AllowAnonymous();
        }
    }

    private static string LoadPage()
    {
        using var stream = typeof(HttpJsonApi).Assembly.GetManifestResourceStream(PageResource)
            ?? throw new InvalidOperationException($"The API reference page ({PageResource}) is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
