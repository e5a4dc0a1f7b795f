/** Telegram updates as the Bot API sends them, with entities computed the way Telegram does. */
import type { Message } from 'telegraf/types';
import { BOT_USER } from './stand-in.ts';

let nextMessageId = 1;

export const USER = Object.freeze({ id: 4242, is_bot: false, first_name: 'Ada' });
export const OTHER_USER = Object.freeze({ id: 4343, is_bot: false, first_name: 'Bo' });
export const GROUP = Object.freeze({ id: -1001234, type: 'supergroup' as const, title: 'Newsroom' });

export function privateChat(user: { id: number; first_name: string }) {
  return { id: user.id, type: 'private' as const, first_name: user.first_name };
}

/** Entities Telegram would attach: a leading bot_command and every @mention. */
export function entitiesOf(text: string): { type: string; offset: number; length: number }[] {
  const out: { type: string; offset: number; length: number }[] = [];
  const command = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?/.exec(text);
  if (command) out.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of text.matchAll(/(?<![\w/])@[A-Za-z0-9_]{5,32}/g)) out.push({ type: 'mention', offset: m.index, length: m[0].length });
  return out;
}

export interface TextOptions {
  readonly chat?: { id: number; type: string; [k: string]: unknown };
  readonly from?: { id: number; is_bot: boolean; first_name: string };
  readonly replyTo?: { message_id: number; from: { id: number; is_bot: boolean; first_name: string }; text: string };
}

/** A text message update (private chat with USER unless told otherwise). */
export function textMessage(text: string, options: TextOptions = {}): { message: Message.TextMessage } {
  const from = options.from ?? USER;
  const entities = entitiesOf(text);
  return {
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: (options.chat ?? privateChat(from)) as never,
      from,
      text,
      ...(entities.length > 0 ? { entities: entities as never } : {}),
      ...(options.replyTo ? { reply_to_message: { ...options.replyTo, date: 0, chat: (options.chat ?? privateChat(from)) as never } as never } : {}),
    },
  };
}

/** A reply to one of the bot's own messages. */
export function replyToBot(text: string, botMessageId: number, chat = GROUP) {
  return textMessage(text, {
    chat,
    replyTo: { message_id: botMessageId, from: { id: BOT_USER.id, is_bot: true, first_name: BOT_USER.first_name }, text: 'an earlier answer' },
  });
}

let nextQueryId = 1;
export function inlineQuery(query: string, from = USER) {
  return { inline_query: { id: `iq${nextQueryId++}`, from, query, offset: '', chat_type: 'sender' } };
}

export function callbackQuery(data: string, messageChat = privateChat(USER), from = USER) {
  return {
    callback_query: {
      id: `cb${nextQueryId++}`,
      from,
      chat_instance: '1',
      data,
      message: { message_id: 999, date: 0, chat: messageChat, from: BOT_USER, text: 'an earlier answer' },
    },
  };
}

export function sticker(from = USER) {
  return {
    message: {
      message_id: nextMessageId++,
      date: 0,
      chat: privateChat(from),
      from,
      sticker: { file_id: 'x', file_unique_id: 'x', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false },
    },
  };
}
