namespace TclHotline.Testing; internal static class Placeholder {}
