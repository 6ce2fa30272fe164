namespace TclHotline.Dispatch.Domain;
internal static class Placeholder { }
