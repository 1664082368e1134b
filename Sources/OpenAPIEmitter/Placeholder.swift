// Placeholder until the OpenAPIEmitter stage lands.
