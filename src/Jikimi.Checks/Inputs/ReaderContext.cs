using System.Text.Json;

namespace Jikimi.Checks.Inputs;

/// <summary>What one run learns across files, for resources that exist only as a whole: a Kubernetes namespace
/// with or without network policies, the tenant's set of conditional-access policies. Emitted after the last file.</summary>
public sealed class ReaderContext
{
    /// <summary>Conditional-access policies kept for the tenant summary (a tenant has tens, not thousands).</summary>
    public const int MaxConditionalAccessPolicies = 10_000;

    private readonly Dictionary<string, (int Workloads, int NetworkPolicies, bool Declared)> namespaces = new(StringComparer.Ordinal);
    private readonly List<JsonElement> conditionalAccess = [];
    private bool sawConditionalAccess;

    internal bool TookSomething { get; set; }

    internal void SawWorkload(string ns) => Update(ns, (w, p, d) => (w + 1, p, d));

    internal void SawNetworkPolicy(string ns) => Update(ns, (w, p, d) => (w, p + 1, d));

    internal void SawNamespace(string ns)
    {
        TookSomething = true;
        Update(ns, (w, p, _) => (w, p, true));
    }

    internal void AddConditionalAccessPolicy(JsonElement policy)
    {
        sawConditionalAccess = true;
        if (conditionalAccess.Count < MaxConditionalAccessPolicies)
        {
            conditionalAccess.Add(policy.Clone());
        }
    }

    private void Update(string ns, Func<int, int, bool, (int, int, bool)> f)
    {
        if (ns.Length == 0)
        {
            return;
        }

        var cur = namespaces.TryGetValue(ns, out var v) ? v : (0, 0, false);
        namespaces[ns] = f(cur.Item1, cur.Item2, cur.Item3);
    }

    /// <summary>The whole-of resources: <c>k8s.namespace_summary</c> per namespace seen,
    /// <c>entra.conditional_access</c> once when any policy export was read.</summary>
    public void Finish(Action<Resource> sink)
    {
        foreach (var (ns, v) in namespaces.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
            {
                ["name"] = ns,
                ["workloads"] = v.Workloads,
                ["networkPolicies"] = v.NetworkPolicies,
            }));
            sink(new Resource("k8s.namespace_summary", ns, doc.RootElement));
        }

        if (sawConditionalAccess)
        {
            using var ms = new MemoryStream();
            using (var w = new Utf8JsonWriter(ms))
            {
                w.WriteStartObject();
                w.WriteStartArray("policies");
                foreach (var p in conditionalAccess)
                {
                    p.WriteTo(w);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            using var doc = JsonDocument.Parse(ms.ToArray());
            sink(new Resource("entra.conditional_access", "tenant", doc.RootElement));
        }
    }
}
