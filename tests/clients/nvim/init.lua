-- Headless Neovim 0.11 session for tests/clients/nvim/test_nvim.py.
--
-- Run as: nvim --headless --clean -u tests/clients/nvim/init.lua
-- Environment:
--   WLSP_TEST_PYTHON    Python that runs the server (`-m wrangler_lsp serve`)
--   WLSP_TEST_ROOT      a copy of tests/clients/nvim/fixtures (the test copies it to a temporary folder)
--   WLSP_TEST_OUT       where to write the JSON results
--   WLSP_TEST_FEATURES  "1" to also run the hover and code-action scenarios
-- It uses the shipped config editors/nvim/lsp/wrangler_lsp.lua through the runtimepath, opens each
-- fixture, records what Neovim saw, writes the JSON and quits (always, even after an error).

local this = debug.getinfo(1, 'S').source:sub(2)
local repo = vim.fn.fnamemodify(this, ':p:h:h:h:h')
local python = assert(os.getenv('WLSP_TEST_PYTHON'), 'WLSP_TEST_PYTHON is not set')
local root = assert(os.getenv('WLSP_TEST_ROOT'), 'WLSP_TEST_ROOT is not set')
local out = assert(os.getenv('WLSP_TEST_OUT'), 'WLSP_TEST_OUT is not set')
local features = os.getenv('WLSP_TEST_FEATURES') == '1'
local NAME = 'wrangler_lsp'

vim.opt.runtimepath:prepend(repo .. '/editors/nvim')
vim.opt.swapfile = false
vim.lsp.log.set_level('WARN')
vim.lsp.config(NAME, { cmd = { python, '-m', 'wrangler_lsp', 'serve' } })
vim.lsp.enable(NAME)

local started = vim.uv.hrtime()
local function ms()
  return math.floor((vim.uv.hrtime() - started) / 1e6)
end

local function client_of(buf)
  return vim.lsp.get_clients({ bufnr = buf, name = NAME })[1]
end

local function open(path)
  vim.cmd.edit(vim.fn.fnameescape(path))
  return vim.api.nvim_get_current_buf()
end

local function diagnostics(buf)
  local items = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    items[#items + 1] = {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      code = d.code,
      source = d.source,
      message = d.message,
    }
  end
  return items
end

local function has_code(buf, code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code then
      return true
    end
  end
  return false
end

local function buffer_text(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
end

-- 0-based line of the first line matching `pattern` at or after `from`.
local function find_line(buf, pattern, from)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, from or 0, -1, false)) do
    if line:find(pattern) then
      return (from or 0) + i - 1, line
    end
  end
  error('no line matches ' .. pattern)
end

-- Opens a file that has a syntax error, records attachment, root and diagnostics; optionally fixes
-- the error by an edit and waits for the diagnostic to go (incremental didChange, re-pull or re-push).
local function syntax_case(path, code, fix)
  local t0 = ms()
  local buf = open(path)
  local result = { path = path, filetype = vim.bo[buf].filetype }
  result.attached = vim.wait(15000, function()
    return client_of(buf) ~= nil
  end, 20)
  local client = client_of(buf)
  result.root_dir = client and client.root_dir or nil
  result.got_diagnostics = vim.wait(15000, function()
    return has_code(buf, code)
  end, 20)
  result.diagnostics = diagnostics(buf)
  result.diagnostics_ms = ms() - t0
  if fix then
    local lnum = find_line(buf, fix.pattern)
    vim.api.nvim_buf_set_lines(buf, lnum, lnum + 1, false, { fix.line })
    local t1 = ms()
    result.fixed = vim.wait(10000, function()
      return not has_code(buf, code)
    end, 20)
    result.diagnostics_after_fix = diagnostics(buf)
    result.fix_ms = ms() - t1
  end
  return result
end

local function not_wrangler_case(path)
  local buf = open(path)
  -- Other buffers have started their clients already, so attaching would be quick; give it time anyway.
  vim.wait(1500, function()
    return client_of(buf) ~= nil
  end, 20)
  return { path = path, filetype = vim.bo[buf].filetype, attached = client_of(buf) ~= nil }
end

local function hover_text(result)
  if result == nil then
    return nil
  end
  local contents = result.contents
  if type(contents) == 'string' then
    return contents
  end
  if contents.value then
    return contents.value
  end
  local parts = {}
  for _, part in ipairs(contents) do
    parts[#parts + 1] = type(part) == 'string' and part or part.value
  end
  return table.concat(parts, '\n')
end

-- The first client's answer, or nil with `unsupported` when no attached client offers `method`
-- (buf_request_sync would otherwise wait for its whole timeout).
local function request(buf, method, params)
  local client = client_of(buf)
  if not client or not client:supports_method(method, buf) then
    return nil, { message = 'unsupported: ' .. method }
  end
  local responses = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
  for _, response in pairs(responses) do
    return response.result, response.err
  end
  return nil, nil
end

-- Hover on the staging ROOMS binding and apply the `script_name = "chat"` quick fix.
local function features_case(path)
  local t0 = ms()
  local buf = open(path)
  local result = { path = path }
  result.attached = vim.wait(15000, function()
    return client_of(buf) ~= nil
  end, 20)
  local client = client_of(buf)
  result.root_dir = client and client.root_dir or nil
  -- Rule diagnostics (the code action's context); go on without them after a while.
  vim.wait(5000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 20)
  result.diagnostics = diagnostics(buf)

  local header = find_line(buf, '^%[%[env%.staging%.durable_objects%.bindings%]%]')
  local name_lnum, name_line = find_line(buf, '^name = "ROOMS"', header)
  local class_lnum, class_line = find_line(buf, '^class_name = ', header)
  local uri = vim.uri_from_bufnr(buf)
  local positions = {
    { label = 'name_value', line = name_lnum, character = name_line:find('ROOMS') },
    { label = 'name_key', line = name_lnum, character = 1 },
    { label = 'header', line = header, character = 10 },
  }
  result.hovers = {}
  for _, pos in ipairs(positions) do
    local params = { textDocument = { uri = uri }, position = { line = pos.line, character = pos.character } }
    local hover, err = request(buf, 'textDocument/hover', params)
    result.hovers[#result.hovers + 1] = { label = pos.label, text = hover_text(hover), error = err and err.message }
  end

  local context_diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.lnum >= header and d.lnum <= class_lnum and d.user_data and d.user_data.lsp then
      context_diagnostics[#context_diagnostics + 1] = d.user_data.lsp
    end
  end
  local actions, err = request(buf, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = header, character = 0 }, ['end'] = { line = class_lnum, character = #class_line } },
    context = { diagnostics = context_diagnostics, triggerKind = 1 },
  })
  result.code_action_error = err and err.message
  result.code_action_titles = {}
  local chosen
  for _, action in ipairs(actions or {}) do
    result.code_action_titles[#result.code_action_titles + 1] = action.title
    if action.title == 'Share the top-level objects: script_name = "chat"' then
      chosen = action
    end
  end
  if chosen and not chosen.edit and client and client:supports_method('codeAction/resolve') then
    chosen = request(buf, 'codeAction/resolve', chosen) or chosen
  end
  if chosen and chosen.edit then
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
    result.applied = true
  end
  result.text_after_action = buffer_text(buf)
  result.features_ms = ms() - t0
  return result
end

local function main()
  local results = {
    nvim = tostring(vim.version()),
    features = features,
    pulls_diagnostics = vim.lsp.protocol.make_client_capabilities().textDocument.diagnostic ~= nil,
    cases = {},
  }
  local ok, err = xpcall(function()
    results.cases.toml = syntax_case(
      root .. '/broken/wrangler.toml',
      'WL001',
      { pattern = '^workers_dev =', line = 'workers_dev = true' }
    )
    results.cases.toml_env_file = syntax_case(root .. '/broken/wrangler.production.toml', 'WL001')
    results.cases.jsonc = syntax_case(
      root .. '/broken-jsonc/wrangler.jsonc',
      'WL004',
      { pattern = '"workers_dev": ,', line = '      "workers_dev": true,' }
    )
    results.cases.not_wrangler = not_wrangler_case(root .. '/not-wrangler/settings.toml')
    if features then
      results.cases.features = features_case(root .. '/chat-app/workers/chat/wrangler.toml')
    end
  end, debug.traceback)
  results.error = not ok and err or nil
  results.total_ms = ms()
  local file = assert(io.open(out, 'w'))
  file:write(vim.json.encode(results))
  file:close()
  vim.cmd('qa!')
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.schedule(main)
  end,
})
