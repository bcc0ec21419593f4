export interface CreateWebhookInput {
  url: string;
  eventTypes: string[];
  description?: string;
}

export interface UpdateWebhookInput {
  url?: string;
  eventTypes?: string[];
  description?: string | null;
  /** true switches a disabled subscription back on (its failure count starts again); false pauses it. */
  active?: boolean;
}
