global using Callout.Dashboard.Domain;
global using static Callout.Dashboard.Ui.Tests.UiHarness;
