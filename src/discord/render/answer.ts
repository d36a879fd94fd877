// An engine Answer as a Discord reply: the fact with its buttons, "did you mean", or an honest "I don't know".
import type { Answer, FactView } from '../../answer/types.ts';
import type { KnowledgeBase } from '../../knowledge/validate.ts';
import type { Language } from '../../knowledge/schema.ts';
import { messages } from '../../i18n/messages.ts';
import { answerButtons, factPicker } from './components.ts';
import { factEmbed } from './fact-embed.ts';
import type { PickMode, PickView } from '../custom-ids.ts';
import type { ReplyPayload } from './payload.ts';

export interface AnswerContext {
  /** Who asked: only they may delete the answer. */
  askerId?: string;
  /**
   * How a menu pick is shown: 'update' replaces a private menu; 'reply' answers the picker privately and leaves
   * a public menu in place for others. Default 'update'.
   */
  pickMode?: PickMode;
  /** Show the picked fact's sources rather than the fact (the menu answers /xen sources). */
  pickView?: PickView;
  /** The user the asker chose to point the answer at. */
  pingUserId?: string;
  /** The question's key in the store: carried by votes, Related and "did you mean" picks. */
  ref?: string;
}

/** One fact with its buttons: used for answers, `/xen feature` and picks from menus. */
export function renderFact(fact: FactView, language: Language, context: AnswerContext, confidence?: number): ReplyPayload {
  return {
    ...(context.pingUserId ? { content: `<@${context.pingUserId}>`, pingUserId: context.pingUserId } : {}),
    embeds: [factEmbed(fact, language, confidence)],
    components: [answerButtons(fact, language, context.askerId, context.ref)],
  };
}

export function renderAnswer(kb: KnowledgeBase, answer: Answer, context: AnswerContext): ReplyPayload {
  const t = messages(answer.language);
  if (answer.status === 'answered' && answer.answer) return renderFact(answer.answer, answer.language, context, answer.confidence);
  if (answer.status === 'uncertain') {
    // The best guess with its first sentence, so a reader sees at once whether it is what they asked.
    const [best, ...others] = answer.suggestions;
    const lines = best
      ? [t.didYouMeanBest(best.title), `> ${best.gist}`, ...(others.length ? [t.otherMatches, ...others.map((s) => `• ${s.title}`)] : [])]
      : [t.didYouMean];
    return {
      content: lines.join('\n'),
      components: factPicker(kb, answer.suggestions, answer.language, { mode: context.pickMode ?? 'update', view: context.pickView, via: 'did-you-mean', ref: context.ref }),
    };
  }
  const closest = answer.suggestions.slice(0, 3);
  const lines = [t.unknown, closest.length ? `${t.closestTopics}: ${closest.map((s) => s.title).join(' · ')}` : undefined, t.unknownHint];
  return {
    content: lines.filter(Boolean).join('\n'),
    components: closest.length ? factPicker(kb, closest, answer.language, { mode: context.pickMode ?? 'update', view: context.pickView, via: 'did-you-mean', ref: context.ref }) : [],
  };
}
