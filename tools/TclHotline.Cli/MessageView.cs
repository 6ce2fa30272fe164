using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace TclHotline.Cli;

/// <summary>
/// Any reply as people read it, from the contract itself: its fields as a FIELD/VALUE table (a nested message's
/// fields as "parent.child"), then each list of messages as its own table. New fields show up without a change here.
/// </summary>
public static class MessageView
{
    public static void Print(Output output, IMessage message)
    {
        var lists = new List<(string Name, IList Items, MessageDescriptor Type)>();
        output.Fields(Flatten(message, "", lists));
        foreach (var (name, items, type) in lists)
        {
            output.Line();
            output.Line(name.Replace('_', ' ').ToUpperInvariant());
            var columns = type.Fields.InFieldNumberOrder().Where(f => !f.IsRepeated).ToList();
            output.Table(
                [.. columns.Select(c => c.Name.Replace('_', ' ').ToUpperInvariant())],
                items.Cast<IMessage>().Select(item => (IReadOnlyList<string>)[.. columns.Select(c => Scalar(c.Accessor.GetValue(item)))]));
        }
    }

    private static IEnumerable<(string Name, string Value)> Flatten(IMessage message, string prefix, List<(string, IList, MessageDescriptor)> lists)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var name = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated && field.FieldType == FieldType.Message)
            {
                if (value is IList { Count: > 0 } items) lists.Add((name, items, field.MessageType));
            }
            else if (field.IsRepeated)
            {
                yield return (name, string.Join(", ", ((IList)value).Cast<object>().Select(Scalar)));
            }
            else if (field.FieldType == FieldType.Message && value is IMessage nested && value is not Timestamp)
            {
                foreach (var inner in Flatten(nested, name + ".", lists)) yield return inner;
            }
            else
            {
                yield return (name, Scalar(value));
            }
        }
    }

    private static string Scalar(object? value) => value switch
    {
        null => "",
        Timestamp at => Output.Time(at),
        bool b => b ? "yes" : "",
        System.Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture) == 0 ? "" : CommandLine.Kebab(e.ToString()),
        IMessage m => m.ToString() ?? "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
