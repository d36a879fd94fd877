// Discord's documented limits in one place, so tests fail where real Discord would answer 400.

export const API_VERSION = 10;

// Messages
export const MESSAGE_CONTENT_MAX = 2000;
export const MESSAGE_NONCE_MAX = 25;
export const STICKERS_PER_MESSAGE_MAX = 3;
/** Message flags are a 31-bit integer field. */
export const MESSAGE_FLAGS_MAX = 2 ** 31 - 1;
export const EMBEDS_PER_MESSAGE_MAX = 10;
export const FILES_PER_MESSAGE_MAX = 10;
/** Default upload cap of a non-boosted guild; also sent as interaction `attachment_size_limit`. */
export const UPLOAD_BYTES_MAX = 10 * 1024 * 1024;
export const ALLOWED_MENTIONS_IDS_MAX = 100;

// Embeds
export const EMBED_TITLE_MAX = 256;
export const EMBED_DESCRIPTION_MAX = 4096;
export const EMBED_FIELDS_MAX = 25;
export const EMBED_FIELD_NAME_MAX = 256;
export const EMBED_FIELD_VALUE_MAX = 1024;
export const EMBED_FOOTER_TEXT_MAX = 2048;
export const EMBED_AUTHOR_NAME_MAX = 256;
/** Sum of titles, descriptions, field names/values, footer texts and author names over all embeds. */
export const EMBED_TOTAL_CHARS_MAX = 6000;
export const EMBED_COLOR_MAX = 0xffffff;

// Message components
export const ACTION_ROWS_MAX = 5;
export const BUTTONS_PER_ROW_MAX = 5;
export const BUTTON_LABEL_MAX = 80;
export const CUSTOM_ID_MAX = 100;
export const SELECT_OPTIONS_MIN = 1;
export const SELECT_OPTIONS_MAX = 25;
export const SELECT_OPTION_LABEL_MAX = 100;
export const SELECT_OPTION_VALUE_MAX = 100;
export const SELECT_OPTION_DESCRIPTION_MAX = 100;
export const SELECT_PLACEHOLDER_MAX = 150;
export const SELECT_VALUES_MAX = 25;
/** Components V2 (message flag IS_COMPONENTS_V2): all nested components counted. */
export const COMPONENTS_V2_TOTAL_MAX = 40;
export const COMPONENTS_V2_TEXT_MAX = 4000;
export const SECTION_TEXTS_MAX = 3;
export const MEDIA_GALLERY_ITEMS_MAX = 10;

// Modals
export const MODAL_TITLE_MAX = 45;
export const MODAL_COMPONENTS_MAX = 5;
export const TEXT_INPUT_LABEL_MAX = 45;
export const TEXT_INPUT_VALUE_MAX = 4000;
export const TEXT_INPUT_PLACEHOLDER_MAX = 100;
export const LABEL_DESCRIPTION_MAX = 100;

// Autocomplete results and command choices
export const CHOICES_MAX = 25;
export const CHOICE_NAME_MIN = 1;
export const CHOICE_NAME_MAX = 100;
export const CHOICE_STRING_VALUE_MAX = 100;

// Interactions
export const INTERACTION_RESPONSE_WINDOW_MS = 3000;
/** Follow-ups and edits of @original work for 15 minutes after the interaction. */
export const INTERACTION_TOKEN_TTL_MS = 15 * 60 * 1000;
/** Follow-ups per interaction when `authorizing_integration_owners` only holds USER_INSTALL. */
export const USER_INSTALL_FOLLOW_UPS_MAX = 5;

// Application commands
export const COMMAND_NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
export const COMMAND_NAME_MAX = 32;
export const COMMAND_DESCRIPTION_MAX = 100;
export const COMMAND_OPTIONS_MAX = 25;
/** name + description + every option/choice name, description and value of one command. */
export const COMMAND_TOTAL_CHARS_MAX = 4000;
export const CHAT_INPUT_COMMANDS_MAX = 100;
export const STRING_OPTION_LENGTH_MAX = 6000;

// Threads
export const THREAD_NAME_MAX = 100;
export const THREAD_AUTO_ARCHIVE_DURATIONS: readonly number[] = [60, 1440, 4320, 10080];
