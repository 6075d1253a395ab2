using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Fragment Spreads Must Not Form Cycles: no fragment spreads itself, directly or through others.</summary>
public sealed class FragmentSpreadsMustNotFormCyclesRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        // Fragments already searched: any cycle through them has been reported.
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);

        public override void EnterFragmentDefinition(FragmentDefinitionNode node) => DetectCycles(node);

        /// <summary>
        /// A depth-first search along spreads with an explicit stack, so that long chains of
        /// fragments cannot exhaust the call stack.
        /// </summary>
        private void DetectCycles(FragmentDefinitionNode start)
        {
            if (!_visited.Add(start.Name.Value))
            {
                return;
            }
            var path = new List<FragmentSpreadNode>();
            var positionInPath = new Dictionary<string, int>(StringComparer.Ordinal);
            var frames = new Stack<Frame>();
            Push(start);
            while (frames.TryPeek(out var frame))
            {
                if (frame.Next == frame.Spreads.Count)
                {
                    frames.Pop();
                    positionInPath.Remove(frame.Name);
                    if (path.Count > 0 && frames.Count > 0)
                    {
                        path.RemoveAt(path.Count - 1);
                    }
                    continue;
                }
                var spread = frame.Spreads[frame.Next++];
                var name = spread.Name.Value;
                if (positionInPath.TryGetValue(name, out var cycleStart))
                {
                    path.Add(spread);
                    ReportCycle(name, path.GetRange(cycleStart, path.Count - cycleStart));
                    path.RemoveAt(path.Count - 1);
                    continue;
                }
                if (context.GetFragment(name) is { } target && _visited.Add(name))
                {
                    path.Add(spread);
                    Push(target);
                }
            }

            void Push(FragmentDefinitionNode fragment)
            {
                var spreads = context.GetFragmentSpreads(fragment.SelectionSet);
                if (spreads.Count == 0)
                {
                    // Nothing to follow: the spread that led here is done.
                    if (frames.Count > 0)
                    {
                        path.RemoveAt(path.Count - 1);
                    }
                    return;
                }
                positionInPath[fragment.Name.Value] = path.Count;
                frames.Push(new Frame(fragment.Name.Value, spreads));
            }
        }

        private void ReportCycle(string name, List<FragmentSpreadNode> cycle)
        {
            var via = string.Join(", ", cycle.Take(cycle.Count - 1).Select(s => $"\"{s.Name.Value}\""));
            var message = $"Cannot spread fragment \"{name}\" within itself" + (via.Length > 0 ? $" via {via}." : ".");
            context.ReportError(message, [.. cycle]);
        }

        private sealed class Frame(string name, IReadOnlyList<FragmentSpreadNode> spreads)
        {
            public string Name { get; } = name;

            public IReadOnlyList<FragmentSpreadNode> Spreads { get; } = spreads;

            public int Next { get; set; }
        }
    }
}
