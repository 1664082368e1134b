// Placeholder until the CloudCore stage lands.
