using TclHotline.Testing;

namespace TclHotline.Intake.Tests.Broker;

/// <summary>The broker tests of this project share one RabbitMQ node.</summary>
[CollectionDefinition(RabbitMqFixture.Collection)]
public class RabbitMqCollection : ICollectionFixture<RabbitMqFixture>;
