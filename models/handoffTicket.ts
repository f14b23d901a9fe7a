import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { CONTACT_CHANNELS } from './enums';
import { REGION_CODE } from './shared';

/** Why the bot handed a villager to a person. */
export const HANDOFF_REASONS = ['asked', 'failures', 'voice'] as const;
/** A ticket is open until a staff member takes it, then closed when the villager was helped. */
export const HANDOFF_STATUSES = ['open', 'claimed', 'closed'] as const;

/**
 * A request for a person (转人工): the villager asked, the bot failed to understand three answers in a row, or the
 * villager sent a voice message the bot cannot hear. It goes to the grid worker of the village (the household's
 * own grid worker when known); with no village it waits for the town or district on-duty staff.
 *
 * `key` is the inbound message that raised it (`channel:messageId`): a redelivered message finds the ticket
 * instead of making a second one. `flow`/`step` say where the villager was stuck; `lastText` is what they wrote
 * (never a full phone or ID number: the bot masks them before storing).
 */
const handoffTicketSchema = new Schema(
  {
    key: { type: String, required: true },
    contactId: { type: Schema.Types.ObjectId, ref: 'Contact', required: true },
    channel: { type: String, enum: CONTACT_CHANNELS, required: true },
    reason: { type: String, enum: HANDOFF_REASONS, required: true },
    villageCode: { type: String, match: REGION_CODE },
    townCode: { type: String, match: REGION_CODE },
    householdId: { type: Schema.Types.ObjectId, ref: 'Household' },
    assigneeId: { type: Schema.Types.ObjectId, ref: 'StaffUser' },
    assigneeName: { type: String },
    flow: { type: String },
    step: { type: String },
    lastText: { type: String, maxlength: 500 },
    status: { type: String, enum: HANDOFF_STATUSES, default: 'open' },
    openedAt: { type: Date, required: true },
    closedAt: { type: Date },
    demo: { type: Boolean, default: false },
  },
  { timestamps: true },
);

handoffTicketSchema.index({ key: 1 }, { unique: true });
handoffTicketSchema.index({ contactId: 1, openedAt: -1 });
handoffTicketSchema.index({ assigneeId: 1, status: 1 });
handoffTicketSchema.index({ townCode: 1, status: 1 });

/** Fields of a handoff ticket. */
export type HandoffTicketFields = InferSchemaType<typeof handoffTicketSchema>;
/** A loaded handoff ticket document. */
export type HandoffTicketDocument = HydratedDocumentFromSchema<typeof handoffTicketSchema>;
/** Requests for a person from the chat-bot (collection `handofftickets`). */
export const HandoffTicket = model('HandoffTicket', handoffTicketSchema);
