namespace TclHotline.ServiceDefaults; internal static class Placeholder {}
